package com.emporium.discovery;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DiscoveryApplicationTests {

	@LocalServerPort
	private int port;

	private RestClient client() {
		return RestClient.create("http://localhost:" + this.port);
	}

	@Test
	void reportsHealthyForLivenessAndReadinessProbes() {
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			String body = client().get().uri(path).retrieve().body(String.class);
			assertThat(body).as(path).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void answersRegistryQueriesFromClients() {
		String apps = client().get()
			.uri("/eureka/apps")
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.body(String.class);
		// Standalone and nobody registered yet: an empty but well-formed registry.
		assertThat(apps).contains("\"applications\"");
	}

}
