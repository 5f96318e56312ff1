package com.emporium.product;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
 * The product service on embedded PostgreSQL and Kafka, with tokens from {@link TestJwts}; all
 * test classes share this one context. Every test makes its own vendors, stores and slugs, so tests
 * do not see each other's data through the filters they use.
 */
@EmporiumIntegrationTest(properties = { "emporium.catalog.exchange-rates.api-key=test-key",
		"emporium.catalog.exchange-rates.timeout=PT0.5S", "emporium.catalog.exchange-rates.retry-after=PT0S",
		"emporium.catalog.descriptions.model=test-model", "emporium.catalog.descriptions.api-key=llm-key",
		"emporium.catalog.descriptions.timeout=PT1S", "emporium.catalog.descriptions.max-chars=300",
		"resilience4j.circuitbreaker.instances.exchange-rates.minimum-number-of-calls=5",
		"resilience4j.circuitbreaker.instances.exchange-rates.sliding-window-size=5" })
public abstract class ProductServiceIntegrationTest {

	@DynamicPropertySource
	static void externalApis(DynamicPropertyRegistry properties) {
		properties.add("emporium.catalog.exchange-rates.base-url", () -> ExternalApis.server().baseUrl());
		properties.add("emporium.catalog.descriptions.base-url", () -> ExternalApis.server().baseUrl() + "/v1");
	}

	protected static final String PROBLEMS = "https://docs.emporium.example/problems/";

	protected static final String ADMIN = TestJwts.token(UUID.randomUUID().toString(), "ADMIN");

	protected static final String MANAGER = TestJwts.token(UUID.randomUUID().toString(), "MANAGER");

	protected static final String CUSTOMER = TestJwts.token(UUID.randomUUID().toString(), "CUSTOMER");

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	protected RestTestClient http;

	@BeforeEach
	void client() {
		// The JDK client: it sends PATCH and never retries on its own.
		this.http = RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + this.port)
			.build();
	}

	/** A vendor with a fresh user id. */
	protected record Vendor(UUID id, String token) {

		public static Vendor create() {
			UUID id = UUID.randomUUID();
			return new Vendor(id, TestJwts.token(id.toString(), "VENDOR"));
		}

	}

	protected RestTestClient.ResponseSpec send(HttpMethod method, String path, String token, Object body) {
		return send(method, path, token, body, Map.of());
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
		return send(HttpMethod.GET, path, token, null);
	}

	protected RestTestClient.ResponseSpec post(String path, String token, Object body) {
		return send(HttpMethod.POST, path, token, body);
	}

	protected RestTestClient.ResponseSpec patch(String path, String token, Object body) {
		return send(HttpMethod.PATCH, path, token, body);
	}

	protected RestTestClient.ResponseSpec delete(String path, String token) {
		return send(HttpMethod.DELETE, path, token, null);
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

	/** The ids of a list's {@code items}, in order. */
	protected static List<String> itemIds(JsonNode list) {
		return list.get("items").valueStream().map(item -> item.get("id").asString()).toList();
	}

	/** Whether a JSON object leaves a member out or sends it as null. */
	protected static boolean absent(JsonNode object, String member) {
		return object.path(member).isMissingNode() || object.path(member).isNull();
	}

	protected static JsonNode json(String text) {
		return JsonMapper.shared().readTree(text);
	}

	/** A short unique suffix for slugs and names. */
	protected static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	protected String openStore(String token) {
		return body(post("/api/v1/stores", token, Map.of("name", "Shop " + unique(), "slug", "shop-" + unique())),
				201)
			.get("id")
			.asString();
	}

	/** A product body for a store; {@code overrides} replace fields, or (null) remove them. */
	protected static Map<String, Object> product(String storeId, Map<String, Object> overrides) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("storeId", storeId);
		body.put("name", "Oak stool " + unique());
		body.put("brand", "Woodworks");
		body.put("description", "A sturdy thing");
		body.put("price", Map.of("amount", "40.00", "currency", "EUR"));
		body.put("variants", List.of(Map.of("sku", "SKU-" + unique(), "options", Map.of("size", "M"), "stock", 5)));
		overrides.forEach((key, value) -> {
			if (value == null) {
				body.remove(key);
			}
			else {
				body.put(key, value);
			}
		});
		return body;
	}

	/** A category (beneath {@code parent} unless null), by an admin; its id. */
	protected String addCategory(String name, String parent) {
		Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "slug", "c-" + unique()));
		if (parent != null) {
			body.put("parentId", parent);
		}
		return body(post("/api/v1/categories", ADMIN, body), 201).get("id").asString();
	}

	protected JsonNode createProduct(String token, Map<String, Object> body) {
		return body(post("/api/v1/products", token, body), 201);
	}

	protected long count(String sql, Object... arguments) {
		return this.jdbc.queryForObject(sql, Long.class, arguments);
	}

	/** The first event on a topic keyed by {@code key} that matches. */
	protected static JsonNode awaitEvent(String topic, String key, Predicate<JsonNode> matching) {
		KafkaTopics.Record record = KafkaTopics.awaitRecord(topic,
				candidate -> key.equals(candidate.key()) && matching.test(json(candidate.value())),
				Duration.ofSeconds(30));
		return json(record.value());
	}

}
