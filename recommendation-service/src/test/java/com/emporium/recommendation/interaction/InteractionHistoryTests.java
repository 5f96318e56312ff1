package com.emporium.recommendation.interaction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.TestJwts;
import com.emporium.recommendation.RecommendationIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class InteractionHistoryTests extends RecommendationIntegrationTest {

	static final String MINE = "/api/v1/interactions/me";

	static final String VIEWED = "emporium.product.product-viewed.v1";

	@Test
	void aShopperSeesOnlyTheirOwnHistoryNewestFirstAndPaged() {
		UUID lantern = product("History lantern");
		UUID bag = product("History bag");
		Shopper ada = Shopper.create();
		Shopper bob = Shopper.create();
		Instant start = Instant.now().minusSeconds(600);
		view(lantern, ada, start);
		wishlist(bag, ada, start.plusSeconds(10));
		view(bag, ada, start.plusSeconds(20));
		view(lantern, bob, start.plusSeconds(30));
		awaitTrue(() -> total(ada, "") == 3 && total(bob, "") == 1);

		JsonNode first = body(get(MINE + "?size=2", ada.token()), 200);
		assertThat(first.get("totalItems").asLong()).isEqualTo(3);
		assertThat(first.get("totalPages").asInt()).isEqualTo(2);
		assertThat(items(first)).extracting(item -> item.get("type").asString() + " " + item.get("productName").asString())
			.containsExactly("VIEW History bag", "WISHLIST_ADD History bag");
		JsonNode second = body(get(MINE + "?size=2&page=1", ada.token()), 200);
		assertThat(items(second)).extracting(item -> item.get("productId").asString())
			.containsExactly(lantern.toString());

		JsonNode views = body(get(MINE + "?type=VIEW", ada.token()), 200);
		assertThat(items(views)).extracting(item -> item.get("type").asString()).containsOnly("VIEW").hasSize(2);
		assertThat(items(body(get(MINE, bob.token()), 200))).extracting(item -> item.get("productId").asString())
			.containsExactly(lantern.toString());
		assertThat(items(body(get(MINE, Shopper.create().token()), 200))).isEmpty();
	}

	@Test
	void erasingDeletesOnlyTheCallersHistoryAndLateEventsFromBeforeTheErasure() {
		UUID product = product("Erased history");
		Shopper ada = Shopper.create();
		Shopper bob = Shopper.create();
		view(product, ada, Instant.now().minusSeconds(60));
		view(product, bob, Instant.now().minusSeconds(60));
		awaitTrue(() -> total(ada, "") == 1 && total(bob, "") == 1);

		delete(MINE, ada.token()).expectStatus().isNoContent();
		assertThat(total(ada, "")).isZero();
		assertThat(total(bob, "")).isEqualTo(1);
		delete(MINE, ada.token()).expectStatus().isNoContent();

		// A view from before the erasure that was still on its way is not kept; a new one is.
		view(product, ada, Instant.now().minusSeconds(30));
		view(product, ada, Instant.now().plusSeconds(1));
		awaitTrue(() -> total(ada, "") == 1);
		Shopper marker = Shopper.create();
		view(product, marker, Instant.now());
		awaitTrue(() -> total(marker, "") == 1);
		List<JsonNode> left = items(body(get(MINE, ada.token()), 200));
		assertThat(left).hasSize(1);
		assertThat(Instant.parse(left.getFirst().get("occurredAt").asString())).isAfter(Instant.now().minusSeconds(5));
	}

	@Test
	void historyIsForSignedInShoppersOnly() {
		problem(get(MINE, null), 401, "unauthenticated", null);
		problem(delete(MINE, null), 401, "unauthenticated", null);
		problem(get(MINE, TestJwts.expiredToken(UUID.randomUUID().toString(), "CUSTOMER")), 401, "unauthenticated",
				null);
		problem(get(MINE, TestJwts.tokenSignedByAnotherKey(UUID.randomUUID().toString(), "CUSTOMER")), 401,
				"unauthenticated", null);
		problem(get(MINE, TestJwts.token("service-account", "CUSTOMER")), 403, "forbidden", null);
		problem(delete(MINE, TestJwts.token("service-account", "CUSTOMER")), 403, "forbidden", null);
	}

	@Test
	void invalidParametersAreProblemsNamingThem() {
		String token = Shopper.create().token();
		problem(get(MINE + "?type=LIKE", token), 400, "validation-failed", "type");
		problem(get(MINE + "?size=101", token), 400, "validation-failed", "size");
		problem(get(MINE + "?size=0", token), 400, "validation-failed", "size");
		problem(get(MINE + "?page=-1", token), 400, "validation-failed", "page");
		problem(get(MINE + "?page=two", token), 400, "validation-failed", "page");
	}

	private long total(Shopper shopper, String query) {
		return body(get(MINE + query, shopper.token()), 200).get("totalItems").asLong();
	}

	private static void view(UUID product, Shopper shopper, Instant at) {
		publish(VIEWED, "ProductViewed", product, at,
				fields("productId", product.toString(), "userId", shopper.id().toString(), "sessionId", null));
	}

	private static void wishlist(UUID product, Shopper shopper, Instant at) {
		publish(BehaviourListeners.WISHLIST_ADDED, "WishlistItemAdded", product, at,
				fields("userId", shopper.id().toString(), "productId", product.toString()));
	}

}
