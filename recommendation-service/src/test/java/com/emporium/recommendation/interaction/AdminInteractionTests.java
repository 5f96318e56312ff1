package com.emporium.recommendation.interaction;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.recommendation.RecommendationIntegrationTest;

import org.springframework.test.web.servlet.client.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

class AdminInteractionTests extends RecommendationIntegrationTest {

	static final String ADMIN_LIST = "/api/v1/admin/interactions";

	static final String EXPORT = "/api/v1/admin/interactions/export";

	static final String VIEWED = "emporium.product.product-viewed.v1";

	@Test
	void staffFilterInteractionsByTypeUserProductAndTime() {
		UUID lantern = product("Admin lantern");
		UUID bag = product("Admin bag");
		Shopper ada = Shopper.create();
		Instant start = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
		view(lantern, ada.id(), start);
		view(bag, ada.id(), start.plusSeconds(60));
		publish(BehaviourListeners.WISHLIST_ADDED, "WishlistItemAdded", bag, start.plusSeconds(120),
				fields("userId", ada.id().toString(), "productId", bag.toString()));
		awaitTrue(() -> adminList("userId=" + ada.id()).get("totalItems").asLong() == 3);

		JsonNode all = body(get(ADMIN_LIST + "?userId=" + ada.id(), MANAGER), 200);
		assertThat(items(all)).extracting(item -> item.get("type").asString())
			.containsExactly("WISHLIST_ADD", "VIEW", "VIEW");
		assertThat(items(all).getFirst().get("eventId").asString()).isNotBlank();
		assertThat(items(adminList("userId=" + ada.id() + "&type=VIEW"))).hasSize(2);
		assertThat(items(adminList("userId=" + ada.id() + "&productId=" + bag))).hasSize(2);
		assertThat(items(adminList("userId=" + ada.id() + "&from=" + start.plusSeconds(60) + "&to="
				+ start.plusSeconds(120))))
			.extracting(item -> item.get("productId").asString())
			.containsExactly(bag.toString());
		assertThat(items(body(get(ADMIN_LIST + "?userId=" + ada.id() + "&size=1&page=2", ADMIN), 200)))
			.extracting(item -> item.get("productId").asString())
			.containsExactly(lantern.toString());
	}

	@Test
	void theExportStreamsTheWindowOldestFirstOneJsonObjectPerLine() {
		UUID product = product("Exported");
		// A window of its own, within the retention, that no other test writes to.
		Instant from = Instant.now()
			.minus(Duration.ofDays(100 + ThreadLocalRandom.current().nextInt(200)))
			.truncatedTo(ChronoUnit.MINUTES)
			.plusMillis(ThreadLocalRandom.current().nextInt(60_000));
		UUID user = UUID.randomUUID();
		view(product, user, from.minusMillis(1));
		view(product, user, from.plusMillis(2));
		view(product, null, from);
		view(product, user, from.plusMillis(5));
		view(product, user, from.plusMillis(10));
		awaitTrue(() -> adminList("productId=" + product).get("totalItems").asLong() == 5);

		EntityExchangeResult<String> export = this.http.get()
			.uri(EXPORT + "?from=" + from + "&to=" + from.plusMillis(10))
			.header("Authorization", "Bearer " + ADMIN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();

		assertThat(export.getResponseHeaders().getContentType()).hasToString("application/x-ndjson;charset=UTF-8");
		List<JsonNode> lines = Arrays.stream(export.getResponseBody().split("\n")).map(RecommendationIntegrationTest::json).toList();
		assertThat(lines).extracting(line -> Instant.parse(line.get("occurredAt").asString()))
			.containsExactly(from, from.plusMillis(2), from.plusMillis(5));
		assertThat(lines.get(0).has("userId")).isFalse();
		assertThat(lines.get(1).get("userId").asString()).isEqualTo(user.toString());
		assertThat(lines.get(1).get("type").asString()).isEqualTo("VIEW");
		assertThat(lines.get(1).get("productId").asString()).isEqualTo(product.toString());
		assertThat(export.getResponseBody()).endsWith("\n");

		String empty = this.http.get()
			.uri(EXPORT + "?from=2001-01-01T00:00:00Z&to=2001-01-02T00:00:00Z")
			.header("Authorization", "Bearer " + MANAGER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(empty).isNullOrEmpty();
	}

	@Test
	void onlyManagersAndAdminsSeeEveryonesInteractions() {
		String window = "?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z";
		problem(get(ADMIN_LIST, null), 401, "unauthenticated", null);
		problem(get(EXPORT + window, null), 401, "unauthenticated", null);
		problem(get(ADMIN_LIST, CUSTOMER), 403, "forbidden", null);
		problem(get(EXPORT + window, CUSTOMER), 403, "forbidden", null);
		problem(get(ADMIN_LIST, Shopper.create().token()), 403, "forbidden", null);
		body(get(ADMIN_LIST, MANAGER), 200);
		body(get(EXPORT + window, MANAGER), 200);
	}

	@Test
	void invalidFiltersAreProblemsNamingThem() {
		problem(get(ADMIN_LIST + "?type=LIKE", ADMIN), 400, "validation-failed", "type");
		problem(get(ADMIN_LIST + "?userId=42", ADMIN), 400, "validation-failed", "userId");
		problem(get(ADMIN_LIST + "?productId=lantern", ADMIN), 400, "validation-failed", "productId");
		problem(get(ADMIN_LIST + "?sessionId=x", ADMIN), 400, "validation-failed", "sessionId");
		problem(get(ADMIN_LIST + "?from=yesterday", ADMIN), 400, "validation-failed", "from");
		problem(get(ADMIN_LIST + "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", ADMIN), 400,
				"validation-failed", "to");
		problem(get(ADMIN_LIST + "?size=101", ADMIN), 400, "validation-failed", "size");
		problem(get(EXPORT, ADMIN), 400, "validation-failed", "from");
		problem(get(EXPORT + "?from=2026-01-01T00:00:00Z", ADMIN), 400, "validation-failed", "to");
		problem(get(EXPORT + "?from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", ADMIN), 400,
				"validation-failed", "to");
		problem(get(EXPORT + "?from=soon&to=2026-01-01T00:00:00Z", ADMIN), 400, "validation-failed", "from");
	}

	private static void view(UUID product, UUID user, Instant at) {
		publish(VIEWED, "ProductViewed", product, at, fields("productId", product.toString(), "userId",
				(user != null) ? user.toString() : null, "sessionId", (user != null) ? null : "anonymous-export"));
	}

	@Test
	void theApiDocumentDescribesTheInteractionEndpointsAndTheirProblems() {
		JsonNode paths = body(get("/v3/api-docs", null), 200).get("paths");
		JsonNode post = paths.get("/api/v1/interactions").get("post");
		assertThat(post.get("responses").has("202")).isTrue();
		assertThat(post.get("responses").get("429").get("headers").has("Retry-After")).isTrue();
		assertThat(post.get("responses").get("400").get("content").has("application/problem+json")).isTrue();
		assertThat(paths.get("/api/v1/interactions/me").has("get")).isTrue();
		assertThat(paths.get("/api/v1/interactions/me").has("delete")).isTrue();
		assertThat(paths.get("/api/v1/admin/interactions").get("get").get("responses").has("403")).isTrue();
		assertThat(paths.get("/api/v1/admin/interactions/export")
			.get("get")
			.get("responses")
			.get("200")
			.get("content")
			.has("application/x-ndjson")).isTrue();
	}

}
