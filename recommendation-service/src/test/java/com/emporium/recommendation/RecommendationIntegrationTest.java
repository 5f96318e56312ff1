package com.emporium.recommendation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.emporium.platform.test.EmporiumIntegrationTest;
import com.emporium.platform.test.Infrastructure;
import com.emporium.platform.test.KafkaTopics;
import com.emporium.platform.test.TestJwts;
import com.emporium.recommendation.catalog.CatalogItem;
import com.emporium.recommendation.catalog.CatalogReplica;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The recommendation service on embedded Kafka and MongoDB, with tokens from {@link TestJwts}; all
 * test classes share this one context. Every test makes its own products, users and sessions, and
 * sends what other services would send as CloudEvents envelopes.
 */
@EmporiumIntegrationTest(infrastructure = { Infrastructure.KAFKA, Infrastructure.MONGO })
public abstract class RecommendationIntegrationTest {

	protected static final String PROBLEMS = "https://docs.emporium.example/problems/";

	protected static final String ADMIN = TestJwts.token(UUID.randomUUID().toString(), "ADMIN");

	protected static final String MANAGER = TestJwts.token(UUID.randomUUID().toString(), "MANAGER");

	protected static final String CUSTOMER = TestJwts.token(UUID.randomUUID().toString(), "CUSTOMER");

	protected static final Duration WAIT = Duration.ofSeconds(30);

	@LocalServerPort
	protected int port;

	@Autowired
	protected CatalogReplica catalog;

	protected RestTestClient http;

	@BeforeEach
	void client() {
		this.http = RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + this.port)
			.build();
	}

	/** A shopper with a fresh user id. */
	protected record Shopper(UUID id, String token) {

		public static Shopper create() {
			UUID id = UUID.randomUUID();
			return new Shopper(id, TestJwts.token(id.toString(), "CUSTOMER"));
		}

	}

	/** Any method, with a JSON body when {@code body} is not null (a String is sent as it is). */
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

	protected RestTestClient.ResponseSpec delete(String path, String token) {
		return send(HttpMethod.DELETE, path, token, null, Map.of());
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

	/** A CloudEvents envelope as product-, order- or user-service writes it. */
	protected static String envelope(String type, UUID eventId, Object subject, Instant time, Map<String, ?> data) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("specversion", "1.0");
		envelope.put("id", eventId.toString());
		envelope.put("type", type);
		envelope.put("source", "test");
		envelope.put("subject", String.valueOf(subject));
		envelope.put("time", time.toString());
		envelope.put("datacontenttype", "application/json");
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("eventId", eventId.toString());
		payload.put("occurredAt", time.toString());
		payload.putAll(data);
		envelope.put("data", payload);
		return JsonMapper.shared().writeValueAsString(envelope);
	}

	/** Sends an event keyed by {@code subject}; its id. */
	protected static UUID publish(String topic, String type, Object subject, Instant time, Map<String, ?> data) {
		UUID eventId = UUID.randomUUID();
		KafkaTopics.send(topic, String.valueOf(subject), envelope(type, eventId, subject, time, data));
		return eventId;
	}

	/** A map that, unlike {@link Map#of}, takes nulls (fields sent as null). */
	protected static Map<String, Object> fields(Object... namesAndValues) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int index = 0; index < namesAndValues.length; index += 2) {
			fields.put((String) namesAndValues[index], namesAndValues[index + 1]);
		}
		return fields;
	}

	/** A product in the replica, created by a {@code ProductCreated}; waits until the replica has it. */
	protected UUID product(String name) {
		UUID productId = UUID.randomUUID();
		publish("emporium.product.product-created.v1", "ProductCreated", productId, Instant.now(),
				fields("productId", productId.toString(), "name", name, "priceAmount", new BigDecimal("9.90"),
						"priceCurrency", "EUR", "active", true));
		awaitTrue(() -> knownToReplica(productId));
		return productId;
	}

	/** Deletes a product from the replica by {@code ProductDeleted}; waits until it is marked. */
	protected void deleteProduct(UUID productId) {
		publish("emporium.product.product-deleted.v1", "ProductDeleted", productId, Instant.now(),
				fields("productId", productId.toString(), "storeId", UUID.randomUUID().toString()));
		awaitTrue(() -> deletedInReplica(productId));
	}

	/** The replica's view of a product, or null while it does not know it. */
	protected CatalogItem replica(UUID productId) {
		return this.catalog.find(Set.of(productId)).get(productId);
	}

	private boolean knownToReplica(UUID productId) {
		return replica(productId) != null;
	}

	private boolean deletedInReplica(UUID productId) {
		return knownToReplica(productId) && replica(productId).deleted();
	}

	/** Staff's list of interactions with these query parameters. */
	protected JsonNode adminList(String query) {
		return body(get("/api/v1/admin/interactions?size=100&" + query, ADMIN), 200);
	}

	protected static List<JsonNode> items(JsonNode page) {
		return page.get("items").valueStream().toList();
	}

	protected static void awaitTrue(Callable<Boolean> condition) {
		await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(condition);
	}

}
