package com.emporium.recommendation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.bson.Document;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The recommendation service on embedded Kafka and MongoDB, with tokens from {@link TestJwts}; all
 * test classes share this one context. Every test makes its own products, users and sessions, and
 * sends what other services would send as CloudEvents envelopes. The nightly training schedule is
 * off: tests start runs themselves. The demo history is off too; its tests replay a small file of
 * their own.
 */
@EmporiumIntegrationTest(infrastructure = { Infrastructure.KAFKA, Infrastructure.MONGO })
@TestPropertySource(properties = { "emporium.recommendation.training.cron=-", "logging.level.org.tribuo=WARN",
		"emporium.recommendation.demo.file=classpath:demo/purchases-sample.csv",
		"emporium.recommendation.demo.catalog-poll=200ms" })
public abstract class RecommendationIntegrationTest {

	protected static final String RUNS = "/api/v1/admin/recommendations/training-runs";

	protected static final String MODELS = "/api/v1/admin/recommendations/models";

	protected static final String RECOMMENDATIONS = "/api/v1/recommendations";

	protected static final String PROBLEMS = "https://docs.emporium.example/problems/";

	protected static final String ADMIN = TestJwts.token(UUID.randomUUID().toString(), "ADMIN");

	protected static final String MANAGER = TestJwts.token(UUID.randomUUID().toString(), "MANAGER");

	protected static final String CUSTOMER = TestJwts.token(UUID.randomUUID().toString(), "CUSTOMER");

	protected static final Duration WAIT = Duration.ofSeconds(30);

	@LocalServerPort
	protected int port;

	@Autowired
	protected CatalogReplica catalog;

	@Autowired
	protected MongoTemplate mongoTemplate;

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
			return new Shopper(id, token(id));
		}

		/** A customer's token for this user id. */
		public static String token(UUID id) {
			return TestJwts.token(id.toString(), "CUSTOMER");
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
		return product(name, null);
	}

	/** A product of a category in the replica; waits until the replica has it. */
	protected UUID product(String name, UUID categoryId) {
		UUID productId = UUID.randomUUID();
		publish("emporium.product.product-created.v1", "ProductCreated", productId, Instant.now(),
				fields("productId", productId.toString(), "name", name, "priceAmount", new BigDecimal("9.90"),
						"priceCurrency", "EUR", "active", true, "categoryId",
						(categoryId != null) ? categoryId.toString() : null));
		awaitTrue(() -> knownToReplica(productId));
		return productId;
	}

	/** Sets a product's only variant's stock by {@code StockChanged}; waits until the replica has it. */
	protected void stock(UUID productId, int available) {
		publish("emporium.product.stock-changed.v1", "StockChanged", productId, Instant.now(),
				fields("productId", productId.toString(), "sku", "SKU-" + productId, "available", available));
		awaitTrue(() -> knownToReplica(productId) && replica(productId).inStock() == (available > 0)
				&& replica(productId).outOfStock() == (available == 0));
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

	/**
	 * A small shop with a history: four lanterns and four mugs (two categories, in stock), sixteen
	 * shoppers who keep buying lanterns in pairs and sixteen who keep buying mugs, every nine days or
	 * so over the last four months, each basket after a view. Enough for every model, the
	 * personalised ranker and an evaluation with test shoppers. Interactions are written to MongoDB
	 * as the service stores them.
	 */
	protected Shop shop() {
		UUID lanternCategory = UUID.randomUUID();
		UUID mugCategory = UUID.randomUUID();
		List<UUID> lanterns = new ArrayList<>();
		List<UUID> mugs = new ArrayList<>();
		for (String colour : List.of("Red", "Blue", "Paper", "Candle")) {
			lanterns.add(product(colour + " garden lantern", lanternCategory));
			mugs.add(product(colour + " enamel mug", mugCategory));
		}
		for (UUID product : lanterns) {
			stock(product, 5);
		}
		for (UUID product : mugs) {
			stock(product, 5);
		}
		List<UUID> lanternFans = new ArrayList<>();
		List<UUID> mugFans = new ArrayList<>();
		Random random = new Random(7);
		Instant now = Instant.now();
		List<Document> interactions = new ArrayList<>();
		for (int shopper = 0; shopper < 32; shopper++) {
			boolean likesLanterns = shopper % 2 == 0;
			UUID userId = UUID.randomUUID();
			(likesLanterns ? lanternFans : mugFans).add(userId);
			List<UUID> theme = likesLanterns ? lanterns : mugs;
			for (int daysAgo = 120 - random.nextInt(6); daysAgo > 0; daysAgo -= 7 + random.nextInt(5)) {
				Instant at = now.minus(Duration.ofDays(daysAgo)).plusSeconds(random.nextInt(3600));
				int first = random.nextInt(theme.size());
				UUID orderId = UUID.randomUUID();
				interactions.add(interaction("VIEW", userId, theme.get(first), at.minusSeconds(600)));
				for (UUID product : List.of(theme.get(first), theme.get((first + 1) % theme.size()))) {
					interactions
						.add(interaction("CART_ADD", userId, product, at.minusSeconds(300)).append("quantity", 1));
					interactions.add(interaction("PURCHASE", userId, product, at).append("quantity", 1)
						.append("orderId", orderId)
						.append("unitPrice", new BigDecimal("9.90"))
						.append("currency", "EUR"));
				}
			}
		}
		this.mongoTemplate.insert(interactions, "interactions");
		// Lists see products a snapshot refresh after the replica: wait for it.
		awaitTrue(() -> categoryList(lanternCategory).containsAll(lanterns)
				&& categoryList(mugCategory).containsAll(mugs));
		return new Shop(lanterns, mugs, lanternCategory, mugCategory, lanternFans, mugFans);
	}

	/** An interaction document as the service stores it. */
	protected static Document interaction(String type, UUID userId, UUID productId, Instant at) {
		return new Document("_id", UUID.randomUUID()).append("type", type)
			.append("userId", userId)
			.append("productId", productId)
			.append("occurredAt", Date.from(at));
	}

	private List<UUID> categoryList(UUID categoryId) {
		return items(body(get(RECOMMENDATIONS + "/categories/" + categoryId + "?limit=50", null), 200)).stream()
			.map(item -> UUID.fromString(item.get("productId").asString()))
			.toList();
	}

	/**
	 * @param lanternFans shoppers who buy lanterns only
	 * @param mugFans shoppers who buy mugs only
	 */
	protected record Shop(List<UUID> lanterns, List<UUID> mugs, UUID lanternCategory, UUID mugCategory,
			List<UUID> lanternFans, List<UUID> mugFans) {
	}

	/** Starts a training run as an admin, waits until it ends, and returns it. */
	protected JsonNode train() {
		String runId = body(send(HttpMethod.POST, RUNS, ADMIN, null, Map.of()), 202).get("id").asString();
		return awaitRun(runId);
	}

	/** A run once it has ended (succeeded, failed or skipped). */
	protected JsonNode awaitRun(String runId) {
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
			String status = body(get(RUNS + "/" + runId, ADMIN), 200).get("status").asString();
			return !status.equals("QUEUED") && !status.equals("RUNNING");
		});
		return body(get(RUNS + "/" + runId, ADMIN), 200);
	}

	/** Trains a version and makes it the active one, whatever the gate said; its number. */
	protected long trainAndActivate() {
		JsonNode run = train();
		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
		long version = run.get("version").asLong();
		if (!"ACTIVATED".equals(run.get("decision").asString())) {
			body(send(HttpMethod.POST, MODELS + "/" + version + "/activation", ADMIN, null, Map.of()), 200);
		}
		return version;
	}

}
