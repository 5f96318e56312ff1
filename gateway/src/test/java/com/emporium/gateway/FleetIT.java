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
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
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

	static Path logs;

	/** A failed test prints the end of every service's log: the fleet's folder goes with it. */
	@RegisterExtension
	static final TestWatcher printLogsOnFailure = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			printLogTails(logs);
		}
	};

	@BeforeAll
	static void startFleet(@TempDir Path var) {
		logs = var.resolve("logs");
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
			printLogTails(logs);
			throw ex;
		}
		// Every call is bounded, so that one stuck exchange fails its attempt instead of
		// swallowing a whole await (the longest route budget, a long poll, is 28 s).
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
		requests.setReadTimeout(Duration.ofSeconds(40));
		gateway = RestTestClient.bindToServer(requests)
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
		// Services build their OpenAPI document on its first request: on 2 busy cores, with the
		// demo data still loading, that can take a while after "healthy".
		for (String service : ServiceRoutes.ROUTES.keySet()) {
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
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
		// The 503s while it was down opened the route's breaker. It lets 3 trial calls through once
		// it half-opens, and closes when they succeed: only then is the route served as before (and
		// the tests after this one can rely on it).
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(
				() -> {
					for (int call = 0; call < 4; call++) {
						gateway.get().uri("/api/v1/products").exchange().expectStatus().isOk();
					}
				});
	}

	/**
	 * Issue 6's "no oversell", end to end: 50 customers check out the last 10 units at once, through
	 * the gateway, each with their own cart; the saga (order-service, product-service's
	 * reservations, payment-service's simulator) confirms exactly 10 and cancels the rest with a
	 * reason, and the stock ends at 0, never below.
	 */
	@Test
	@Order(6)
	void fiftyBuyersForTheLastTenUnitsGiveTenConfirmedOrdersAndNoOversell() throws Exception {
		String productId = productWithStock("Last ten lanterns", 10);
		List<String> orders = placeOrdersConcurrently(productId, 50);
		Map<String, Long> outcomes = awaitFinalStates(orders);
		assertThat(outcomes).containsEntry("CONFIRMED", 10L).containsEntry("CANCELLED", 40L);
		assertThat(stockOf(productId)).isZero();
	}

	/**
	 * Issue 6's "nothing lost", end to end: orders accepted while payment-service is down wait in
	 * the outbox and on the broker, and are confirmed once it is back; the stock taken adds up.
	 */
	@Test
	@Order(7)
	void ordersAcceptedWhilePaymentServiceIsDownAreConfirmedOnceItIsBack() throws Exception {
		String productId = productWithStock("Patient lanterns", 100);
		fleet.stop("payment-service");
		List<String> orders;
		try {
			orders = placeOrdersConcurrently(productId, 5);
			Thread.sleep(3000);
			for (String order : orders) {
				assertThat(orderStatus(order)).as("no payment yet").isIn("PENDING", "AWAITING_PAYMENT");
			}
		}
		finally {
			fleet.start("payment-service");
		}
		assertThat(awaitFinalStates(orders)).containsOnlyKeys("CONFIRMED").containsEntry("CONFIRMED", 5L);
		assertThat(stockOf(productId)).isEqualTo(95);
	}

	@Test
	@Order(8)
	void ordersAcceptedWhileTheBrokerIsDownAreConfirmedOnceItIsBackAndNoEventIsLost() throws Exception {
		String productId = productWithStock("Storm lanterns", 100);
		fleet.stopKafka();
		List<String> orders;
		long stopped = System.nanoTime();
		try {
			// The services keep their own data and keep what they must tell in their outboxes.
			orders = placeOrdersConcurrently(productId, 5);
			Thread.sleep(3000);
			for (String order : orders) {
				assertThat(orderStatus(order)).as("nothing can move without the broker").isEqualTo("PENDING");
			}
			assertThat(stockOf(productId)).as("no reservation without the broker").isEqualTo(100);
		}
		finally {
			fleet.startKafka();
		}
		System.out.printf("Broker down for %.1f s while 5 orders were placed%n", (System.nanoTime() - stopped) / 1e9);
		assertThat(awaitFinalStates(orders)).containsOnlyKeys("CONFIRMED").containsEntry("CONFIRMED", 5L);
		assertThat(stockOf(productId)).isEqualTo(95);
	}

	/** A vendor's product with one variant holding {@code stock} units, known to order-service. */
	private static String productWithStock(String name, int stock) throws Exception {
		String vendor = "Bearer " + TestJwts.token(UUID.randomUUID().toString(), "VENDOR");
		gateway.post()
			.uri("/api/v1/stores")
			.header("Authorization", vendor)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name + " store", "slug", "saga-" + UUID.randomUUID().toString().substring(0, 8)))
			.exchange()
			.expectStatus()
			.isCreated();
		String sku = "SAGA-" + UUID.randomUUID().toString().substring(0, 8);
		// A cold product-service may miss the gateway's budget once: retried, as a client would. The
		// SKU is unique: a try that timed out after creating it would make the retry a loud 409.
		String body = awaitSuccess(() -> gateway.post()
			.uri("/api/v1/products")
			.header("Authorization", vendor)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name, "price", Map.of("amount", "5.00", "currency", "EUR"), "variants",
					List.of(Map.of("sku", sku, "stock", stock)))), () -> false);
		String productId = JSON.readTree(body).get("id").asString();
		// order-service learns of it from the catalog's events: a cart add works once it has.
		String probe = "Bearer " + TestJwts.token(UUID.randomUUID().toString(), "CUSTOMER");
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> gateway.post()
			.uri("/api/v1/cart/items")
			.header("Authorization", probe)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("productId", productId, "quantity", 1))
			.exchange()
			.expectStatus()
			.is2xxSuccessful());
		return productId;
	}

	/** Each buyer adds one unit to their own cart and checks out; returns the accepted order ids. */
	private static List<String> placeOrdersConcurrently(String productId, int buyers) throws Exception {
		Map<String, String> address = Map.of("name", "Ada Lovelace", "line1", "1 Analytical Way", "city", "Berlin",
				"postalCode", "10115", "country", "DE");
		try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			List<java.util.concurrent.Future<String>> placed = new java.util.ArrayList<>();
			for (int b = 0; b < buyers; b++) {
				placed.add(executor.submit(() -> {
					String buyer = "Bearer " + TestJwts.token(UUID.randomUUID().toString(), "CUSTOMER");
					// As a careful client: a 503 (breaker open) is retried; a 504 may have been done,
					// so the cart is read back, and a checkout is retried with the same key.
					awaitSuccess(() -> gateway.post()
						.uri("/api/v1/cart/items")
						.header("Authorization", buyer)
						.contentType(MediaType.APPLICATION_JSON)
						.body(Map.of("productId", productId, "quantity", 1)), () -> cartHolds(buyer));
					String key = UUID.randomUUID().toString();
					String order = awaitSuccess(() -> gateway.post()
						.uri("/api/v1/orders")
						.header("Authorization", buyer)
						.header("Idempotency-Key", key)
						.contentType(MediaType.APPLICATION_JSON)
						.body(Map.of("shippingAddress", address, "billingAddress", address, "paymentMethod", "CARD")),
							() -> false);
					return JSON.readTree(order).get("id").asString();
				}));
			}
			List<String> orders = new java.util.ArrayList<>();
			for (var order : placed) {
				orders.add(order.get());
			}
			return orders;
		}
	}

	/**
	 * Sends until a 2xx: a 503 or 504 is retried after a pause, unless {@code done} says the timed
	 * out request took effect anyway. Returns the body of the success (null if {@code done}).
	 */
	private static String awaitSuccess(java.util.function.Supplier<RestTestClient.RequestHeadersSpec<?>> request,
			java.util.concurrent.Callable<Boolean> done) throws Exception {
		for (int attempt = 1;; attempt++) {
			var result = request.get().exchange().expectBody(String.class).returnResult();
			int status = result.getStatus().value();
			if (status / 100 == 2) {
				return result.getResponseBody();
			}
			assertThat(status).as("only an overloaded or unreachable service may refuse: " + result.getResponseBody())
				.isIn(503, 504);
			assertThat(attempt).as("attempts").isLessThan(20);
			if (status == 504 && done.call()) {
				return null;
			}
			Thread.sleep(500L * attempt);
		}
	}

	private static boolean cartHolds(String buyer) throws IOException {
		var result = gateway.get()
			.uri("/api/v1/cart")
			.header("Authorization", buyer)
			.exchange()
			.expectBody(String.class)
			.returnResult();
		return result.getStatus().value() == 200 && JSON.readTree(result.getResponseBody()).get("itemCount").asInt() > 0;
	}

	/** Waits until every order is CONFIRMED or CANCELLED (staff may read any); counts by status. */
	private static Map<String, Long> awaitFinalStates(List<String> orders) {
		Map<String, String> statuses = new java.util.concurrent.ConcurrentHashMap<>();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			for (String order : orders) {
				statuses.put(order, orderStatus(order));
			}
			assertThat(statuses.values()).as("every order reaches a final state").allMatch(
					(status) -> status.equals("CONFIRMED") || status.equals("CANCELLED"));
		});
		return statuses.values()
			.stream()
			.collect(java.util.stream.Collectors.groupingBy((status) -> status,
					java.util.stream.Collectors.counting()));
	}

	private static String orderStatus(String order) throws IOException {
		String admin = "Bearer " + TestJwts.token(UUID.randomUUID().toString(), "ADMIN");
		String body = gateway.get()
			.uri("/api/v1/orders/{id}", order)
			.header("Authorization", admin)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return JSON.readTree(body).get("status").asString();
	}

	private static int stockOf(String productId) throws IOException {
		String body = gateway.get()
			.uri("/api/v1/products/{id}", productId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return JSON.readTree(body).get("variants").get(0).get("stock").asInt();
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
