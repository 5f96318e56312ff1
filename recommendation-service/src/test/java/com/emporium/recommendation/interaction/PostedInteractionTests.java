package com.emporium.recommendation.interaction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.TestJwts;
import com.emporium.recommendation.RecommendationIntegrationTest;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class PostedInteractionTests extends RecommendationIntegrationTest {

	static final String INTERACTIONS = "/api/v1/interactions";

	@Test
	void anAnonymousImpressionIsOneInteractionPerProductInTheOrderShownAndARepeatCountsOnce() {
		List<UUID> products = List.of(product("Shown first"), product("Shown second"), product("Shown third"));
		String session = session();
		Map<String, Object> impression = impression("rec-" + UUID.randomUUID(), products);

		JsonNode recorded = body(post(null, session, impression), 202);
		assertThat(recorded.get("recorded").asInt()).isEqualTo(3);
		assertThat(body(post(null, session, impression), 202).get("recorded").asInt()).isZero();

		List<JsonNode> stored = new ArrayList<>(items(adminList("sessionId=" + session)));
		assertThat(stored).hasSize(3);
		stored.sort((a, b) -> a.get("position").asInt() - b.get("position").asInt());
		assertThat(stored).extracting(item -> item.get("productId").asString())
			.containsExactly(products.stream().map(UUID::toString).toArray(String[]::new));
		assertThat(stored).extracting(item -> item.get("position").asInt()).containsExactly(1, 2, 3);
		JsonNode first = stored.getFirst();
		assertThat(first.get("type").asString()).isEqualTo("RECOMMENDATION_IMPRESSION");
		assertThat(first.get("recommendationId").asString()).isEqualTo(impression.get("recommendationId"));
		assertThat(first.get("algorithm").asString()).isEqualTo("co-purchase");
		assertThat(first.get("context").asString()).isEqualTo("homepage");
		assertThat(first.path("userId").isMissingNode()).isTrue();
	}

	@Test
	void aSignedInShoppersClickJoinsTheirHistoryWithTheirSession() {
		UUID product = product("Clicked recommendation");
		Shopper shopper = Shopper.create();
		String session = session();
		Map<String, Object> click = fields("type", "RECOMMENDATION_CLICK", "recommendationId", "rec-42", "algorithm",
				"similar-items", "context", "product_page", "productId", product.toString(), "position", 5);

		assertThat(body(post(shopper.token(), session, click), 202).get("recorded").asInt()).isEqualTo(1);

		List<JsonNode> mine = items(body(get(INTERACTIONS + "/me", shopper.token()), 200));
		assertThat(mine).hasSize(1);
		assertThat(mine.getFirst().get("type").asString()).isEqualTo("RECOMMENDATION_CLICK");
		assertThat(mine.getFirst().get("position").asInt()).isEqualTo(5);
		assertThat(mine.getFirst().get("context").asString()).isEqualTo("product_page");
		assertThat(mine.getFirst().get("productName").asString()).isEqualTo("Clicked recommendation");
		assertThat(items(adminList("userId=" + shopper.id())).getFirst().get("sessionId").asString())
			.isEqualTo(session);
	}

	@Test
	void anImpressionStartingFurtherDownTheListNumbersFromItsPosition() {
		List<UUID> products = List.of(product("Page two, first"), product("Page two, second"));
		String session = session();
		Map<String, Object> impression = impression("rec-" + UUID.randomUUID(), products);
		impression.put("position", 11);

		body(post(null, session, impression), 202);

		assertThat(items(adminList("sessionId=" + session))).extracting(item -> item.get("position").asInt())
			.containsExactlyInAnyOrder(11, 12);
	}

	@Test
	void productsDeletedSinceTheListWasShownAreSkippedAndUnknownOnesRefused() {
		UUID kept = product("Kept");
		UUID deleted = product("Deleted since shown");
		deleteProduct(deleted);
		String session = session();

		JsonNode recorded = body(post(null, session, impression("rec-" + UUID.randomUUID(), List.of(kept, deleted))),
				202);
		assertThat(recorded.get("recorded").asInt()).isEqualTo(1);
		assertThat(items(adminList("sessionId=" + session))).extracting(item -> item.get("productId").asString())
			.containsExactly(kept.toString());

		String other = session();
		problem(post(null, other, impression("rec-x", List.of(kept, UUID.randomUUID()))), 400, "validation-failed",
				"#/productIds/1");
		problem(post(null, other, click(UUID.randomUUID(), 1)), 400, "validation-failed", "#/productId");
		assertThat(adminList("sessionId=" + other).get("totalItems").asLong()).isZero();
	}

	@Test
	void invalidBodiesAreProblemsNamingTheField() {
		UUID product = product("Validation target");
		String session = session();
		List<UUID> tooMany = Collections.nCopies(101, product);
		List<String> withNull = new ArrayList<>();
		withNull.add(null);

		expectInvalid(session, impression("rec", List.of(product)), "type", "VIEW", "#/type");
		expectInvalid(session, impression("rec", List.of(product)), "type", null, "#/type");
		expectInvalid(session, impression("rec", List.of(product)), "recommendationId", null, "#/recommendationId");
		expectInvalid(session, impression("rec", List.of(product)), "recommendationId", " ", "#/recommendationId");
		expectInvalid(session, impression("rec", List.of(product)), "recommendationId", "r".repeat(101),
				"#/recommendationId");
		expectInvalid(session, impression("rec", List.of(product)), "recommendationId", "line\nbreak",
				"#/recommendationId");
		expectInvalid(session, impression("rec", List.of(product)), "algorithm", "a".repeat(51), "#/algorithm");
		expectInvalid(session, impression("rec", List.of(product)), "algorithm", null, "#/algorithm");
		expectInvalid(session, impression("rec", List.of(product)), "context", "sidebar", "#/context");
		expectInvalid(session, impression("rec", List.of(product)), "context", "HOMEPAGE", "#/context");
		expectInvalid(session, impression("rec", List.of(product)), "productIds", List.of(), "#/productIds");
		expectInvalid(session, impression("rec", List.of(product)), "productIds", tooMany, "#/productIds");
		expectInvalid(session, impression("rec", List.of(product)), "productIds", List.of("not-a-uuid"),
				"#/productIds/0");
		expectInvalid(session, impression("rec", List.of(product)), "productIds", "all of them", "#/productIds");
		expectInvalid(session, impression("rec", List.of(product)), "productIds", withNull, "#/productIds/0");
		expectInvalid(session, impression("rec", List.of(product)), "productIds", List.of(product, product),
				"#/productIds/1");
		expectInvalid(session, impression("rec", List.of(product)), "productIds", null, "#/productIds");
		expectInvalid(session, impression("rec", List.of(product)), "productId", product.toString(), "#/productId");
		expectInvalid(session, impression("rec", List.of(product)), "position", 0, "#/position");
		expectInvalid(session, impression("rec", List.of(product)), "position", "first", "#/position");
		expectInvalid(session, impression("rec", List.of(product, product("Second"))), "position", 1000,
				"#/position");
		expectInvalid(session, click(product, 1), "position", null, "#/position");
		expectInvalid(session, click(product, 1), "position", 1001, "#/position");
		expectInvalid(session, click(product, 1), "productId", null, "#/productId");
		expectInvalid(session, click(product, 1), "productId", 42, "#/productId");
		expectInvalid(session, click(product, 1), "productIds", List.of(product), "#/productIds");

		JsonNode problem = problem(post(null, session, "{\"type\": \"RECOMMENDATION_CLICK\", "), 400,
				"malformed-request", null);
		assertThat(problem.get("detail").asString()).contains("not valid JSON");
		problem(post(null, session, null), 400, "malformed-request", null);
		problem(post(null, session, "[1, 2]"), 400, "malformed-request", null);
		JsonNode context = problem(post(null, session, withField(impression("rec", List.of(product)), "context",
				"sidebar")), 400, "validation-failed", "#/context");
		assertThat(context.get("errors").get(0).get("detail").asString()).contains("homepage", "product_page",
				"cart", "checkout");
		this.http.post()
			.uri(INTERACTIONS)
			.header(SessionIds.HEADER, session)
			.contentType(MediaType.TEXT_PLAIN)
			.body("impression")
			.exchange()
			.expectStatus()
			.isEqualTo(415);
		assertThat(adminList("sessionId=" + session).get("totalItems").asLong()).isZero();
	}

	@Test
	void aPostNeedsASignedInShopperOrAWellFormedSession() {
		UUID product = product("Identity target");
		problem(post(null, null, click(product, 1)), 400, "validation-failed", "X-Session-Id");
		problem(post(null, "short", click(product, 1)), 400, "validation-failed", "X-Session-Id");
		problem(post(null, "has spaces in it", click(product, 1)), 400, "validation-failed", "X-Session-Id");
		problem(send(HttpMethod.POST, INTERACTIONS, null, click(product, 1),
				Map.of("Authorization", "Bearer " + TestJwts.expiredToken(UUID.randomUUID().toString(), "CUSTOMER"))),
				401, "unauthenticated", null);
		problem(post(TestJwts.token("service-account", "CUSTOMER"), null, click(product, 1)), 403, "forbidden", null);
	}

	@Test
	void aClientOverItsBudgetGetsTooManyRequestsWithRetryAfterAndOthersGoOn() {
		UUID product = product("Rate limited");
		String greedy = session();
		int accepted = 0;
		EntityExchangeResult<String> refused = null;
		for (int attempt = 0; attempt < 120 && refused == null; attempt++) {
			EntityExchangeResult<String> response = post(null, greedy, click(product, 1 + attempt % 10))
				.expectBody(String.class)
				.returnResult();
			if (response.getStatus().value() == 202) {
				accepted++;
			}
			else {
				refused = response;
			}
		}
		assertThat(accepted).isBetween(60, 100);
		assertThat(refused).isNotNull();
		assertThat(refused.getStatus().value()).isEqualTo(429);
		assertThat(refused.getResponseHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(Integer.parseInt(refused.getResponseHeaders().getFirst("Retry-After"))).isBetween(1, 60);
		JsonNode problem = json(refused.getResponseBody());
		assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + "too-many-requests");
		assertThat(problem.get("retryAfterSeconds").asInt()).isPositive();

		body(post(null, session(), click(product, 1)), 202);
		Shopper shopper = Shopper.create();
		body(post(shopper.token(), greedy, click(product, 1)), 202);
	}

	private void expectInvalid(String session, Map<String, Object> body, String field, Object value,
			String pointer) {
		problem(post(null, session, withField(body, field, value)), 400, "validation-failed", pointer);
	}

	private static Map<String, Object> withField(Map<String, Object> body, String field, Object value) {
		Map<String, Object> changed = new java.util.LinkedHashMap<>(body);
		changed.put(field, value);
		return changed;
	}

	private RestTestClient.ResponseSpec post(String token, String session, Object body) {
		RestTestClient.RequestBodySpec request = this.http.post().uri(INTERACTIONS);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (session != null) {
			request.header(SessionIds.HEADER, session);
		}
		if (body == null) {
			return request.contentType(MediaType.APPLICATION_JSON).exchange();
		}
		return request.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private static Map<String, Object> impression(String recommendationId, List<UUID> products) {
		return fields("type", "RECOMMENDATION_IMPRESSION", "recommendationId", recommendationId, "algorithm",
				"co-purchase", "context", "homepage", "productIds", products.stream().map(UUID::toString).toList());
	}

	private static Map<String, Object> click(UUID product, int position) {
		return fields("type", "RECOMMENDATION_CLICK", "recommendationId", "rec-" + UUID.randomUUID(), "algorithm",
				"co-purchase", "context", "cart", "productId", product.toString(), "position", position);
	}

	private static String session() {
		return "s_" + UUID.randomUUID().toString().replace("-", "");
	}

}
