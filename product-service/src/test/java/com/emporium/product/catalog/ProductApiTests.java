package com.emporium.product.catalog;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.emporium.platform.test.EmporiumIntegrationTest;
import com.emporium.platform.test.KafkaTopics;
import com.emporium.platform.test.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@EmporiumIntegrationTest
class ProductApiTests {

	static final String TOPIC = "emporium.product.product-created.v1";

	static final String VENDOR = TestJwts.token("vendor-1", "VENDOR");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	RestTestClient http;

	@BeforeEach
	void client() {
		this.http = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	private RestTestClient.ResponseSpec create(String token, Object body) {
		RestTestClient.RequestBodySpec request = this.http.post()
			.uri("/api/v1/products")
			.contentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request.body(body).exchange();
	}

	private static Map<String, Object> product(String name, Object amount, String currency) {
		return Map.of("name", name, "description", "A sturdy thing", "price",
				Map.of("amount", amount, "currency", currency));
	}

	@Test
	void vendorAddsAProductThatAnyoneCanReadAndProductCreatedIsPublished() {
		String name = "Hanging heart " + UUID.randomUUID();
		JsonNode created = JsonMapper.shared()
			.readTree(create(VENDOR, product(name, "2.55", "GBP")).expectStatus()
				.isCreated()
				.expectHeader()
				.value("Location", location -> assertThat(location).startsWith("/api/v1/products/"))
				.expectBody(String.class)
				.returnResult()
				.getResponseBody());
		String id = created.get("id").asString();
		assertThat(created.get("price").get("amount").decimalValue()).isEqualByComparingTo("2.55");

		this.http.get()
			.uri("/api/v1/products/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo(name)
			.jsonPath("$.price.currency")
			.isEqualTo("GBP");

		var record = KafkaTopics.awaitRecord(TOPIC, r -> id.equals(r.key()), Duration.ofSeconds(30));
		JsonNode envelope = JsonMapper.shared().readTree(record.value());
		assertThat(envelope.get("type").asString()).isEqualTo("ProductCreated");
		assertThat(envelope.get("source").asString()).isEqualTo("product-service");
		assertThat(envelope.get("subject").asString()).isEqualTo(id);
		assertThat(envelope.get("data").get("name").asString()).isEqualTo(name);
		assertThat(envelope.get("data").get("priceCurrency").asString()).isEqualTo("GBP");
	}

	@Test
	void adminMayAddProductsToo() {
		create(TestJwts.token("admin-1", "ADMIN"), product("Admin's lamp", 10, "EUR")).expectStatus().isCreated();
	}

	@Test
	void addingAProductNeedsAVendorOrAdminToken() {
		create(null, product("Nope", 1, "EUR")).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		create(TestJwts.token("customer-1", "CUSTOMER"), product("Nope", 1, "EUR")).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/forbidden");
		create(TestJwts.expiredToken("vendor-1", "VENDOR"), product("Nope", 1, "EUR")).expectStatus()
			.isUnauthorized();
	}

	@Test
	void badPricesAndCurrenciesAreNamedAndNothingIsWritten() {
		long before = productCount();
		create(VENDOR, product("Negative", "-1", "EUR")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/price/amount")
			.jsonPath("$.errors[0].detail")
			.isEqualTo("must be greater than 0");
		create(VENDOR, product("Absurd", "1000000000", "EUR")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/price/amount");
		create(VENDOR, product("Fractions", "1.999", "EUR")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].detail")
			.isEqualTo("must have at most 2 decimals");
		create(VENDOR, product("Funny money", 1, "ABC")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/price/currency");
		create(VENDOR, product("x".repeat(201), 1, "EUR")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/name");
		create(VENDOR, Map.of("name", "Wrong type", "price", Map.of("amount", "cheap", "currency", "EUR")))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/price/amount");
		create(VENDOR, "{\"name\": \"broken\", ").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/malformed-request");
		assertThat(productCount()).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?",
				Long.class, "%Negative%"))
			.isZero();
	}

	@Test
	void unknownOrMalformedIdsAndAbsurdPagesAreProblems() {
		this.http.get()
			.uri("/api/v1/products/" + UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/not-found");
		this.http.get()
			.uri("/api/v1/products/42")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].parameter")
			.isEqualTo("id");
		this.http.get()
			.uri("/api/v1/products?size=10000")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].parameter")
			.isEqualTo("size");
		this.http.get()
			.uri("/api/v1/products?page=-1")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].parameter")
			.isEqualTo("page");
	}

	@Test
	void listsProductsNewestFirstWithTotals() {
		create(VENDOR, product("Older " + UUID.randomUUID(), 3, "EUR")).expectStatus().isCreated();
		String newest = "Newest " + UUID.randomUUID();
		create(VENDOR, product(newest, 4, "EUR")).expectStatus().isCreated();
		this.http.get()
			.uri("/api/v1/products?size=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].name")
			.isEqualTo(newest)
			.jsonPath("$.size")
			.isEqualTo(1)
			.jsonPath("$.totalItems")
			.value(Integer.class, total -> assertThat(total).isGreaterThanOrEqualTo(2));
	}

	@Test
	void apiDocsDescribeProductsAndTheirProblems() {
		this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/v1/products'].post.responses['400'].content['application/problem+json']")
			.exists()
			.jsonPath("$.components.schemas.Problem")
			.exists();
	}

	private long productCount() {
		return this.jdbc.queryForObject("SELECT count(*) FROM products", Long.class);
	}

}
