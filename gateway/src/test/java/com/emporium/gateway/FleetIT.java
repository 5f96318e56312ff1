package com.emporium.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.emporium.devstack.fleet.Fleet;
import com.emporium.devstack.fleet.FleetOptions;
import com.emporium.gateway.routing.ServiceRoutes;
import com.emporium.platform.test.TestJwts;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole fleet as a user meets it: embedded PostgreSQL, Kafka and MongoDB, and all eight
 * services as their own JVM processes (the same launcher as {@code ./emporium start}, on free
 * ports and a throwaway {@code var/}), reached only through the gateway over real HTTP. Tokens are
 * real RS256 JWTs whose keys the services fetch from a JWKS endpoint served by this test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetIT {

	static final JsonMapper JSON = JsonMapper.shared();

	static Fleet fleet;

	static RestTestClient gateway;

	@BeforeAll
	static void startFleet(@TempDir Path var) {
		Path root = Path.of(System.getProperty("emporium.root", "..")).toAbsolutePath().normalize();
		try {
			fleet = Fleet.start(FleetOptions.builder(root)
				.varDir(var)
				.freePorts(true)
				.env("EMPORIUM_JWKS_URI", TestJwts.jwkSetUri())
				.startTimeout(Duration.ofMinutes(4))
				.build());
		}
		catch (RuntimeException ex) {
			printLogTails(var.resolve("logs"));
			throw ex;
		}
		gateway = RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
			.baseUrl(fleet.gatewayUrl())
			.build();
	}

	@AfterAll
	static void stopFleet() {
		if (fleet != null) {
			fleet.close();
		}
	}

	@Test
	@Order(1)
	void everyServiceAnswersThroughTheGateway() {
		for (String service : ServiceRoutes.ROUTES.keySet()) {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
				String body = gateway.get()
					.uri(ServiceRoutes.API_DOCS_PREFIX + service)
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody(String.class)
					.returnResult()
					.getResponseBody();
				assertThat(JSON.readTree(body).get("openapi").asString()).as(service).startsWith("3.");
			});
		}
	}

	@Test
	@Order(2)
	void aggregatedApiDocsListEveryService() {
		gateway.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[*].url")
			.value(List.class, urls -> assertThat(urls).containsAll(ServiceRoutes.ROUTES.keySet()
				.stream()
				.map(service -> ServiceRoutes.API_DOCS_PREFIX + service)
				.toList()));
		gateway.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
	}

	@Test
	@Order(3)
	void productCreatedThroughTheGatewayReachesTheRecommendationServicesMongoDb() throws IOException {
		String name = "Fleet lantern " + UUID.randomUUID();
		String requestId = "fleet-" + UUID.randomUUID();
		String vendor = "Bearer " + TestJwts.token(UUID.randomUUID().toString(), "VENDOR");
		gateway.post()
			.uri("/api/v1/stores")
			.header("Authorization", vendor)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Fleet store", "slug", "fleet-store-" + UUID.randomUUID().toString().substring(0, 8)))
			.exchange()
			.expectStatus()
			.isCreated();
		// The vendor's only store takes the product.
		String body = gateway.post()
			.uri("/api/v1/products")
			.header("Authorization", vendor)
			.header("X-Request-Id", requestId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name, "price", Map.of("amount", "12.50", "currency", "EUR")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("X-Request-Id", requestId)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String productId = JSON.readTree(body).get("id").asString();

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
			JsonNode arrivals = JSON.readTree(gateway.get()
				.uri("/api/v1/recommendations/new-arrivals?limit=100")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody());
			assertThat(arrivals.get("items").valueStream().map(item -> item.get("productId").asString()))
				.contains(productId);
		});
		assertThat(log("product-service")).as("the request id is in the product service's log").contains(requestId);
	}

	@Test
	@Order(4)
	void badInputThroughTheGatewayIsAProblemDetail() {
		gateway.get()
			.uri("/api/v1/products/not-a-uuid")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].parameter")
			.isEqualTo("id");
		gateway.get()
			.uri("/api/v1/no-such-thing")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		gateway.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	@Order(5)
	void stoppedServiceGives503ProblemAndIsServedAgainOnceBack() {
		fleet.stop("product-service");
		long started = System.nanoTime();
		gateway.get()
			.uri("/api/v1/products")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("\"service\":\"product-service\""));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

		fleet.start("product-service");
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(
				() -> gateway.get().uri("/api/v1/products").exchange().expectStatus().isOk());
	}

	/** The temporary var/ is gone after the test: show what each service said before it failed. */
	private static void printLogTails(Path logs) {
		try (var files = Files.list(logs)) {
			files.sorted().forEach(file -> {
				try {
					List<String> lines = Files.readAllLines(file);
					System.out.println("==== last lines of " + file.getFileName());
					lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
				}
				catch (IOException ex) {
					System.out.println("==== " + file.getFileName() + " unreadable: " + ex.getMessage());
				}
			});
		}
		catch (IOException ex) {
			System.out.println("No service logs under " + logs + ": " + ex.getMessage());
		}
	}

	private static String log(String service) throws IOException {
		Path file = fleet.service(service).logFile();
		return Files.readString(file);
	}

}
