package com.emporium.gateway;

import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.emporium.platform.test.EmporiumIntegrationTest;
import com.emporium.platform.test.Infrastructure;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-client budget, with a small one: 5 requests at once, then 1 per second. */
@EmporiumIntegrationTest(infrastructure = Infrastructure.KAFKA,
		properties = { "emporium.gateway.rate-limit.burst=5", "emporium.gateway.rate-limit.requests-per-second=1" })
class GatewayRateLimitTests {

	static final HttpServer upstream = GatewayRoutingTests.startUpstream();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.enabled", () -> "true");
		registry.add("spring.cloud.discovery.client.simple.instances.product-service[0].uri",
				() -> "http://localhost:" + upstream.getAddress().getPort());
	}

	@AfterAll
	static void stopUpstream() {
		upstream.stop(0);
	}

	@Test
	void aClientOverItsBudgetGetsA429ProblemWithRetryAfterWhileTheDocsStayReachable() {
		RestTestClient http = RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + this.port)
			.build();
		List<Integer> statuses = new ArrayList<>();
		EntityExchangeResult<String> refused = null;
		// 1 request/s refills slowly next to a loop of requests: a 429 comes soon after the burst.
		while (refused == null && statuses.size() < 30) {
			EntityExchangeResult<String> result = http.get()
				.uri("/api/v1/products")
				.exchange()
				.expectBody(String.class)
				.returnResult();
			statuses.add(result.getStatus().value());
			if (result.getStatus().value() == 429) {
				refused = result;
			}
		}
		assertThat(statuses.subList(0, 5)).as("the burst").containsOnly(200);
		assertThat(refused).as("a 429 after the burst, in " + statuses).isNotNull();
		assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
		assertThat(refused.getResponseBody()).contains("\"type\":\"https://docs.emporium.example/problems/too-many-requests\"")
			.contains("\"retryAfterSeconds\":1");
		// Only the API is budgeted: docs and probes are not.
		http.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk();
	}

}
