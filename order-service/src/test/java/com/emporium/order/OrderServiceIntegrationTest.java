package com.emporium.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.emporium.order.catalog.Catalog;
import com.emporium.order.catalog.CatalogProduct;
import com.emporium.platform.test.EmporiumIntegrationTest;
import com.emporium.platform.test.KafkaTopics;
import com.emporium.platform.test.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order service on embedded PostgreSQL and Kafka, with tokens from {@link TestJwts}; all test
 * classes share this one context. Products reach it as product-service's events, published to the
 * embedded Kafka; every test makes its own products and users.
 */
@EmporiumIntegrationTest(properties = { "emporium.orders.tax.rates.DE=0.19", "emporium.orders.tax.rates.GB=0.20",
		"emporium.orders.tax.default-rate=0.10", "emporium.orders.shipping.flat-fee=4.90",
		"emporium.orders.shipping.free-from=100.00", "emporium.cart.max-lines=3" })
public abstract class OrderServiceIntegrationTest {

	/**
	 * Where the service sends mail: chosen once per JVM, since all test classes share one context; the
	 * notification tests run GreenMail on it (no SMTP server there otherwise: sends fail and are retried).
	 */
	protected static final int SMTP_PORT = freePort();

	protected static final String PROBLEMS = "https://docs.emporium.example/problems/";

	protected static final String ADMIN = TestJwts.token(UUID.randomUUID().toString(), "ADMIN");

	protected static final String MANAGER = TestJwts.token(UUID.randomUUID().toString(), "MANAGER");

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected Catalog catalog;

	protected RestTestClient http;

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
		registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
		registry.add("emporium.notifications.from", () -> "Emporium <orders@emporium.test>");
		registry.add("emporium.notifications.poll-interval", () -> "100ms");
		registry.add("emporium.notifications.first-retry-after", () -> "500ms");
		registry.add("emporium.notifications.max-retry-after", () -> "2s");
		registry.add("emporium.notifications.max-attempts", () -> "4");
	}

	@BeforeEach
	void client() {
		// The JDK client: it sends PATCH and never retries on its own.
		this.http = RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + this.port)
			.build();
	}

	/** A customer with a fresh user id. */
	protected record Customer(UUID id, String token) {

		public static Customer create() {
			UUID id = UUID.randomUUID();
			return new Customer(id, TestJwts.token(id.toString(), "CUSTOMER"));
		}

	}

	/** Sends a request; {@code token} and {@code body} may be null (a String body is sent as it is). */
	protected RestTestClient.ResponseSpec send(HttpMethod method, String path, String token, Object body,
			Map<String, String> headers) {
		RestTestClient.RequestBodySpec request = this.http.method(method).uri(path);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		if (body == null) {
			return request.exchange();
		}
		return request.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	protected RestTestClient.ResponseSpec get(String path, String token) {
		return send(HttpMethod.GET, path, token, null, Map.of());
	}

	protected RestTestClient.ResponseSpec post(String path, String token, Object body) {
		return send(HttpMethod.POST, path, token, body, Map.of());
	}

	/** Adds to a cart, as a guest ({@code bearer} null) and/or with a cart token (null for none). */
	protected RestTestClient.ResponseSpec addToCart(String bearer, String cartToken, Object body) {
		return send(HttpMethod.POST, "/api/v1/cart/items", bearer, body,
				(cartToken != null) ? Map.of("X-Cart-Token", cartToken) : Map.of());
	}

	protected static Map<String, Object> item(Product product, int quantity) {
		return Map.of("productId", product.id().toString(), "sku", product.sku(), "quantity", quantity);
	}

	protected RestTestClient.ResponseSpec checkout(String bearer, String key, Object body) {
		return send(HttpMethod.POST, "/api/v1/orders", bearer, body,
				(key != null) ? Map.of("Idempotency-Key", key) : Map.of());
	}

	/** A checkout body shipping to {@code country}. */
	protected static Map<String, Object> order(String country, String paymentMethod) {
		Map<String, Object> address = Map.of("name", "Ada Lovelace", "line1", "1 Analytical Way", "city", "Berlin",
				"postalCode", "10115", "country", country);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("shippingAddress", address);
		body.put("billingAddress", address);
		body.put("paymentMethod", paymentMethod);
		return body;
	}

	/** A customer's order, placed from a cart with {@code quantity} of a fresh product; its JSON. */
	protected JsonNode placeOrder(Customer customer, String price, int quantity) {
		Product product = product(price, "EUR", 20);
		body(addToCart(customer.token(), null, item(product, quantity)), 200);
		return body(checkout(customer.token(), UUID.randomUUID().toString(), order("DE", "CARD")), 201);
	}

	/** Waits until an order has this status (as its customer sees it); returns it. */
	protected JsonNode awaitStatus(String orderId, String token, String status) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> body(get("/api/v1/orders/" + orderId, token), 200),
					order -> status.equals(order.get("status").asString()));
	}

	/** The body of a response as JSON, after checking its status. */
	protected static JsonNode body(RestTestClient.ResponseSpec response, int status) {
		String text = response.expectStatus()
			.isEqualTo(status)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return (text != null) ? json(text) : JsonMapper.shared().nullNode();
	}

	/** Checks a problem: status, type and, when given, the pointer or parameter of its first error. */
	protected static JsonNode problem(RestTestClient.ResponseSpec response, int status, String slug, String field) {
		JsonNode problem = body(response, status);
		assertThat(problem.get("type").asString()).as(problem.toString()).isEqualTo(PROBLEMS + slug);
		if (field != null) {
			JsonNode error = problem.get("errors").get(0);
			String named = error.has("pointer") ? error.get("pointer").asString() : error.get("parameter").asString();
			assertThat(named).as(problem.toString()).isEqualTo(field);
		}
		return problem;
	}

	protected static JsonNode json(String text) {
		return JsonMapper.shared().readTree(text);
	}

	protected static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	protected long count(String sql, Object... arguments) {
		return this.jdbc.queryForObject(sql, Long.class, arguments);
	}

	/** Publishes what another service would: a CloudEvents envelope around {@code data}. */
	protected static UUID publish(String topic, String key, String type, Map<String, Object> data) {
		UUID eventId = UUID.randomUUID();
		publish(topic, key, type, eventId, data);
		return eventId;
	}

	protected static void publish(String topic, String key, String type, UUID eventId, Map<String, Object> data) {
		Instant now = Instant.now();
		Map<String, Object> payload = new LinkedHashMap<>(data);
		payload.put("eventId", eventId.toString());
		payload.put("occurredAt", now.toString());
		KafkaTopics.send(topic, key,
				JsonMapper.shared()
					.writeValueAsString(Map.of("specversion", "1.0", "id", eventId.toString(), "type", type, "source",
							"test", "subject", key, "time", now.toString(), "datacontenttype", "application/json",
							"data", payload)));
	}

	/** A listed product in the read model, with one SKU in stock; returns once order-service has it. */
	protected Product product(String price, String currency, int stock) {
		Product product = new Product(UUID.randomUUID(), "SKU-" + unique(), "Oak stool " + unique());
		publish("emporium.product.product-created.v1", product.id().toString(), "ProductCreated",
				Map.of("productId", product.id().toString(), "storeId", UUID.randomUUID().toString(), "name",
						product.name(), "priceAmount", new BigDecimal(price), "priceCurrency", currency, "active",
						true));
		stock(product, product.sku(), stock);
		awaitProduct(product.id(), found -> found.available(product.sku()) != null);
		return product;
	}

	protected static void stock(Product product, String sku, int available) {
		publish("emporium.product.stock-changed.v1", product.id().toString(), "StockChanged",
				Map.of("productId", product.id().toString(), "sku", sku, "available", available));
	}

	/** Waits until the read model has the product in a state that matches. */
	protected CatalogProduct awaitProduct(UUID id, Predicate<CatalogProduct> matching) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.catalog.find(id).orElse(null), found -> found != null && matching.test(found));
	}

	/** The first event on a topic keyed by {@code key} that matches. */
	protected static JsonNode awaitEvent(String topic, String key, Predicate<JsonNode> matching) {
		KafkaTopics.Record record = KafkaTopics.awaitRecord(topic,
				candidate -> key.equals(candidate.key()) && matching.test(json(candidate.value())),
				Duration.ofSeconds(30));
		return json(record.value());
	}

	/**
	 * Publishes user-service's {@code UserProfileChanged} for the customer and waits until the read
	 * model has this version.
	 * @param shipping the default shipping address (user-service's fields), or null; likewise billing
	 */
	protected void profile(Customer customer, String email, Map<String, Object> shipping, Map<String, Object> billing,
			long version) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("userId", customer.id().toString());
		data.put("email", email);
		data.put("firstName", "Ada");
		data.put("lastName", "Lovelace");
		data.put("defaultShippingAddress", shipping);
		data.put("defaultBillingAddress", billing);
		data.put("version", version);
		publish("emporium.user.user-profile-changed.v1", customer.id().toString(), "UserProfileChanged", data);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> count("SELECT count(*) FROM customer_profiles WHERE customer_id = ? AND version >= ?",
					customer.id(), version) == 1);
	}

	/** An address as user-service sends it in {@code UserProfileChanged}. */
	protected static Map<String, Object> profileAddress(String recipient, String city, String postalCode,
			String country) {
		Map<String, Object> address = new LinkedHashMap<>();
		address.put("addressId", UUID.randomUUID().toString());
		address.put("label", "HOME");
		address.put("recipientName", recipient);
		address.put("line1", "12 St James's Square");
		address.put("line2", null);
		address.put("city", city);
		address.put("region", "Greater London");
		address.put("postalCode", postalCode);
		address.put("country", country);
		address.put("phone", "+44 20 7946 0958");
		return address;
	}

	/** A product published to the read model. */
	protected record Product(UUID id, String sku, String name) {
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
