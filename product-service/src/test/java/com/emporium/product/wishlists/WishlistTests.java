package com.emporium.product.wishlists;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.TestJwts;
import com.emporium.product.ProductServiceIntegrationTest;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class WishlistTests extends ProductServiceIntegrationTest {

	static final String WISHLIST = "/api/v1/wishlist";

	@Test
	void aShopperAddsListsAndRemovesProductsIdempotently() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String first = createProduct(vendor.token(), product(store, Map.of())).get("id").asString();
		String second = createProduct(vendor.token(), product(store, Map.of())).get("id").asString();
		UUID user = UUID.randomUUID();
		String shopper = TestJwts.token(user.toString(), "CUSTOMER");
		String other = TestJwts.token(UUID.randomUUID().toString(), "CUSTOMER");

		send(HttpMethod.PUT, WISHLIST + "/" + first, shopper, null).expectStatus()
			.isCreated();
		send(HttpMethod.PUT, WISHLIST + "/" + second, shopper, null).expectStatus()
			.isCreated();
		send(HttpMethod.PUT, WISHLIST + "/" + first, shopper, null).expectStatus().isOk();
		send(HttpMethod.PUT, WISHLIST + "/" + first, other, null).expectStatus()
			.isCreated();

		JsonNode list = body(get(WISHLIST, shopper), 200);
		assertThat(productIds(list)).containsExactly(second, first);
		assertThat(list.get("items").get(0).get("addedAt").asString()).isNotBlank();
		assertThat(list.get("items").get(0).get("product").get("name").asString()).startsWith("Oak stool");
		assertThat(productIds(body(get(WISHLIST, other), 200))).containsExactly(first);

		JsonNode added = awaitEvent("emporium.product.wishlist-item-added.v1", first,
				event -> user.toString().equals(event.get("data").get("userId").asString()));
		assertThat(added.get("type").asString()).isEqualTo("WishlistItemAdded");
		assertThat(added.get("data").get("productId").asString()).isEqualTo(first);

		delete(WISHLIST + "/" + first, shopper).expectStatus().isNoContent();
		delete(WISHLIST + "/" + first, shopper).expectStatus().isNoContent();
		assertThat(productIds(body(get(WISHLIST, shopper), 200))).containsExactly(second);
		assertThat(productIds(body(get(WISHLIST, other), 200))).containsExactly(first);
		JsonNode removed = awaitEvent("emporium.product.wishlist-item-removed.v1", first,
				event -> user.toString().equals(event.get("data").get("userId").asString()));
		assertThat(removed.get("type").asString()).isEqualTo("WishlistItemRemoved");
	}

	@Test
	void deletedProductsLeaveTheListAndUnknownOrUnlistedOnesCannotBeAdded() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String product = createProduct(vendor.token(), product(store, Map.of())).get("id").asString();
		String hidden = createProduct(vendor.token(), product(store, Map.of("active", false))).get("id").asString();
		String shopper = TestJwts.token(UUID.randomUUID().toString(), "CUSTOMER");
		send(HttpMethod.PUT, WISHLIST + "/" + product, shopper, null).expectStatus()
			.isCreated();

		problem(send(HttpMethod.PUT, WISHLIST + "/" + UUID.randomUUID(), shopper, null), 404,
				"not-found", null);
		problem(send(HttpMethod.PUT, WISHLIST + "/" + hidden, shopper, null), 404,
				"not-found", null);
		problem(send(HttpMethod.PUT, WISHLIST + "/42", shopper, null), 400,
				"validation-failed", "productId");
		problem(delete(WISHLIST + "/42", shopper), 400, "validation-failed", "productId");

		delete("/api/v1/products/" + product, vendor.token()).expectStatus().isNoContent();
		assertThat(body(get(WISHLIST, shopper), 200).get("items").size()).isZero();
	}

	@Test
	void aFullWishlistTakesNoMore() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String product = createProduct(vendor.token(), product(store, Map.of())).get("id").asString();
		UUID user = UUID.randomUUID();
		this.jdbc.update("INSERT INTO wishlist_items (user_id, product_id, added_at) "
				+ "SELECT ?, gen_random_uuid(), now() FROM generate_series(1, 200)", user);

		JsonNode problem = problem(send(HttpMethod.PUT, WISHLIST + "/" + product,
				TestJwts.token(user.toString(), "CUSTOMER"), null), 409, "wishlist-full", null);
		assertThat(problem.get("maxItems").asInt()).isEqualTo(200);
		assertThat(count("SELECT count(*) FROM wishlist_items WHERE user_id = ?", user)).isEqualTo(200);
		assertThat(count("SELECT count(*) FROM wishlist_items WHERE user_id = ? AND product_id = ?::uuid", user,
				product)).isZero();
	}

	@Test
	void theWishlistIsForSignedInShoppersOnly() {
		String product = UUID.randomUUID().toString();
		problem(get(WISHLIST, null), 401, "unauthenticated", null);
		problem(send(HttpMethod.PUT, WISHLIST + "/" + product, null, null), 401,
				"unauthenticated", null);
		problem(delete(WISHLIST + "/" + product, null), 401, "unauthenticated", null);
		problem(get(WISHLIST, TestJwts.token("service-account", "CUSTOMER")), 403, "forbidden", null);
	}

	private static List<String> productIds(JsonNode list) {
		return list.get("items").valueStream().map(item -> item.get("product").get("id").asString()).toList();
	}

}
