package com.emporium.payment;

import java.math.BigDecimal;
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

import com.emporium.payment.processor.CardProcessor;
import com.emporium.payment.processor.SimulatedCardProcessor;
import com.emporium.platform.test.EmporiumIntegrationTest;
import com.emporium.platform.test.KafkaTopics;
import com.emporium.platform.test.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment service on embedded PostgreSQL and Kafka with the built-in card simulator, and
 * tokens from {@link TestJwts}; all test classes share this one context. Orders reach it as
 * order-service's events, published to the embedded Kafka; every test makes its own orders and
 * customers.
 */
@EmporiumIntegrationTest(properties = { "emporium.payments.saga.default-payment-method=pm_card_visa",
		"emporium.payments.saga.retry-backoff=10ms", "emporium.payments.webhooks.secret=" + PaymentServiceIntegrationTest.WEBHOOK_SECRET })
public abstract class PaymentServiceIntegrationTest {

	protected static final String WEBHOOK_SECRET = "whsec_test_secret";

	protected static final String PROBLEMS = "https://docs.emporium.example/problems/";

	protected static final String REQUESTED = "emporium.order.payment-requested.v1";

	protected static final String CANCELLED = "emporium.order.order-cancelled.v1";

	protected static final String SUCCEEDED = "emporium.payment.payment-succeeded.v1";

	protected static final String FAILED = "emporium.payment.payment-failed.v1";

	protected static final String REFUNDED = "emporium.payment.payment-refunded.v1";

	protected static final String ADMIN = TestJwts.token(UUID.randomUUID().toString(), "ADMIN");

	protected static final String MANAGER = TestJwts.token(UUID.randomUUID().toString(), "MANAGER");

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	private CardProcessor processor;

	protected RestTestClient http;

	@BeforeEach
	void client() {
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

	/** An order of the customer's awaiting payment: order-service's {@code PaymentRequested}. */
	protected record Order(UUID id, String number, Customer customer, BigDecimal amount, String currency,
			String method) {

		public static Order of(Customer customer, String amount, String currency, String method) {
			return new Order(UUID.randomUUID(), "ORD-20261124-" + UUID.randomUUID().toString().substring(0, 6),
					customer, new BigDecimal(amount), currency, method);
		}

		public Map<String, Object> requested() {
			return Map.of("orderId", this.id.toString(), "orderNumber", this.number, "customerId",
					this.customer.id().toString(), "amount", this.amount, "currency", this.currency, "paymentMethod",
					this.method);
		}

	}

	/** Publishes the order's {@code PaymentRequested}; returns the event id. */
	protected static UUID request(Order order) {
		return publish(REQUESTED, order.id().toString(), "PaymentRequested", order.requested());
	}

	protected static UUID cancel(Order order, boolean refund) {
		return publish(CANCELLED, order.id().toString(), "OrderCancelled", Map.of("orderId", order.id().toString(),
				"orderNumber", order.number(), "customerId", order.customer().id().toString(), "reason",
				"changed my mind", "refund", refund));
	}

	/** Waits until the saga has handled (or dropped) an event. */
	protected void awaitHandled(UUID eventId) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> count("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId) > 0);
	}

	/** Waits until the order has a payment in this status; returns its id. */
	protected UUID awaitPayment(Order order, String status) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> count("SELECT count(*) FROM payments WHERE order_id = ? AND status = ?", order.id(),
					status) > 0);
		return this.jdbc.queryForObject("SELECT id FROM payments WHERE order_id = ?", UUID.class, order.id());
	}

	/** The first event on a topic keyed by {@code key} that matches. */
	protected static JsonNode awaitEvent(String topic, String key, Predicate<JsonNode> matching) {
		KafkaTopics.Record record = KafkaTopics.awaitRecord(topic,
				candidate -> key.equals(candidate.key()) && matching.test(json(candidate.value())),
				Duration.ofSeconds(30));
		return json(record.value());
	}

	/** An order of a fresh customer, paid by bank transfer: its payment waits. */
	protected Order pendingOrder(String amount, String currency) {
		Order order = Order.of(Customer.create(), amount, currency, "BANK_TRANSFER");
		request(order);
		awaitPayment(order, "PENDING");
		return order;
	}

	/** The card processor of the tests: the built-in simulator. */
	protected SimulatedCardProcessor simulator() {
		return (SimulatedCardProcessor) this.processor;
	}

	/** How many events on a topic are keyed by {@code key}. */
	protected static long eventsFor(String topic, String key) {
		return KafkaTopics.readAll(topic).stream().filter(record -> key.equals(record.key())).count();
	}

}
