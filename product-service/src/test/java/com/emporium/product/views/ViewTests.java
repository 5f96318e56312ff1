package com.emporium.product.views;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.TestJwts;
import com.emporium.product.ProductServiceIntegrationTest;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ViewTests extends ProductServiceIntegrationTest {

	static final String PRODUCTS = "/api/v1/products/";

	@Test
	void aViewerCountsOncePerProductWithinTheWindow() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String id = createProduct(vendor.token(), product(store, Map.of())).get("id").asString();
		String session = "s-" + UUID.randomUUID();
		String user = TestJwts.token(UUID.randomUUID().toString(), "CUSTOMER");

		view(id, null, session);
		view(id, null, session);
		view(id, null, "s-" + UUID.randomUUID());
		view(id, user, session);
		view(id, user, "s-" + UUID.randomUUID());
		view(id, null, null);
		view(id, null, null);

		await().atMost(Duration.ofSeconds(10)).until(() -> views(id) == 4);
		assertThat(views(id)).isEqualTo(4);
		assertThat(body(get("/api/v1/products?store=" + store, null), 200).get("items").get(0).get("viewCount")
			.asLong()).isEqualTo(4);
	}

	@Test
	void publishesProductViewedForACountedView() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String id = createProduct(vendor.token(), product(store, Map.of())).get("id").asString();
		UUID user = UUID.randomUUID();
		String session = "s-" + UUID.randomUUID();
		view(id, null, session);
		view(id, TestJwts.token(user.toString(), "CUSTOMER"), null);

		JsonNode anonymous = awaitEvent("emporium.product.product-viewed.v1", id,
				event -> !event.get("data").path("sessionId").isMissingNode()
						&& session.equals(event.get("data").get("sessionId").asString()));
		assertThat(anonymous.get("type").asString()).isEqualTo("ProductViewed");
		assertThat(absent(anonymous.get("data"), "userId")).isTrue();
		assertThat(anonymous.get("data").get("productId").asString()).isEqualTo(id);
		JsonNode signedIn = awaitEvent("emporium.product.product-viewed.v1", id,
				event -> user.toString().equals(event.get("data").path("userId").asString(null)));
		assertThat(UUID.fromString(signedIn.get("data").get("eventId").asString())).isNotNull();
	}

	@Test
	void readsThatFailCountNothing() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String hidden = createProduct(vendor.token(), product(store, Map.of("active", false))).get("id").asString();
		get(PRODUCTS + hidden, null).expectStatus().isNotFound();
		problem(send(HttpMethod.GET, PRODUCTS + hidden, null, null, Map.of("X-Session-Id", "bad session")), 400,
				"validation-failed", "X-Session-Id");
		problem(get(PRODUCTS + "not-a-uuid", null), 400, "validation-failed", "id");
		view(hidden, vendor.token(), null);
		// Reads are written in order: once the owner's view is counted, any earlier one would be too.
		await().atMost(Duration.ofSeconds(10)).until(() -> views(hidden) >= 1);
		assertThat(views(hidden)).isOne();
	}

	@Test
	void mostPopularOrdersListedProductsByViewsWithinACategory() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String root = addCategory("Popular", null);
		String child = addCategory("Popular child", root);
		String once = createProduct(vendor.token(), product(store, Map.of("categoryId", root))).get("id").asString();
		String thrice = createProduct(vendor.token(), product(store, Map.of("categoryId", child))).get("id")
			.asString();
		String twice = createProduct(vendor.token(), product(store, Map.of("categoryId", root))).get("id").asString();
		String never = createProduct(vendor.token(), product(store, Map.of("categoryId", root))).get("id").asString();
		createProduct(vendor.token(), product(store, Map.of("categoryId", addCategory("Elsewhere", null))));
		for (int i = 0; i < 3; i++) {
			view(thrice, null, "s-" + UUID.randomUUID());
		}
		view(twice, null, "s-" + UUID.randomUUID());
		view(twice, null, "s-" + UUID.randomUUID());
		view(once, null, "s-" + UUID.randomUUID());
		await().atMost(Duration.ofSeconds(10)).until(() -> views(once) == 1 && views(twice) == 2 && views(thrice) == 3);

		JsonNode popular = body(get(PRODUCTS + "most-popular?category=" + root, null), 200);
		assertThat(itemIds(popular)).containsExactly(thrice, twice, once, never);
		assertThat(popular.get("items").get(0).get("viewCount").asLong()).isEqualTo(3);
		assertThat(itemIds(body(get(PRODUCTS + "most-popular?limit=2&category=" + root, null), 200)))
			.containsExactly(thrice, twice);
		assertThat(body(get(PRODUCTS + "most-popular", null), 200).get("items").size()).isBetween(4, 10);

		problem(get(PRODUCTS + "most-popular?limit=0", null), 400, "validation-failed", "limit");
		problem(get(PRODUCTS + "most-popular?limit=101", null), 400, "validation-failed", "limit");
		problem(get(PRODUCTS + "most-popular?limit=ten", null), 400, "validation-failed", "limit");
		problem(get(PRODUCTS + "most-popular?category=" + UUID.randomUUID(), null), 400, "validation-failed",
				"category");
		problem(get(PRODUCTS + "most-popular?category=kitchen", null), 400, "validation-failed", "category");
	}

	@Test
	void aSignedInShopperSeesTheirRecentlyViewedProductsNewestFirstAndClearsThem() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String first = createProduct(vendor.token(), product(store, Map.of())).get("id").asString();
		String second = createProduct(vendor.token(), product(store, Map.of())).get("id").asString();
		String deleted = createProduct(vendor.token(), product(store, Map.of())).get("id").asString();
		String shopper = TestJwts.token(UUID.randomUUID().toString(), "CUSTOMER");
		String other = TestJwts.token(UUID.randomUUID().toString(), "CUSTOMER");
		view(deleted, shopper, null);
		view(first, shopper, null);
		view(second, shopper, null);
		view(first, shopper, null);
		view(second, other, null);
		delete(PRODUCTS + deleted, vendor.token()).expectStatus().isNoContent();

		JsonNode recent = body(get(PRODUCTS + "recently-viewed", shopper), 200);
		assertThat(recent.get("items").valueStream().map(item -> item.get("product").get("id").asString()).toList())
			.containsExactly(first, second);
		assertThat(recent.get("items").get(0).get("viewedAt").asString()).isNotBlank();
		assertThat(body(get(PRODUCTS + "recently-viewed", other), 200).get("items").size()).isOne();

		delete(PRODUCTS + "recently-viewed", shopper).expectStatus().isNoContent();
		assertThat(body(get(PRODUCTS + "recently-viewed", shopper), 200).get("items").size()).isZero();
		assertThat(body(get(PRODUCTS + "recently-viewed", other), 200).get("items").size()).isOne();
	}

	@Test
	void recentlyViewedKeepsTheNewestFifty() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String shopper = TestJwts.token(UUID.randomUUID().toString(), "CUSTOMER");
		String oldest = createProduct(vendor.token(), product(store, Map.of())).get("id").asString();
		view(oldest, shopper, null);
		String newest = null;
		for (int i = 0; i < 51; i++) {
			newest = createProduct(vendor.token(), product(store, Map.of())).get("id").asString();
			view(newest, shopper, null);
		}
		List<String> ids = body(get(PRODUCTS + "recently-viewed", shopper), 200).get("items")
			.valueStream()
			.map(item -> item.get("product").get("id").asString())
			.toList();
		assertThat(ids).hasSize(50).startsWith(newest).doesNotContain(oldest);
	}

	@Test
	void recentlyViewedIsForSignedInShoppersOnly() {
		problem(get(PRODUCTS + "recently-viewed", null), 401, "unauthenticated", null);
		problem(delete(PRODUCTS + "recently-viewed", null), 401, "unauthenticated", null);
		problem(get(PRODUCTS + "recently-viewed", TestJwts.token("service-account", "CUSTOMER")), 403, "forbidden",
				null);
	}

	private void view(String id, String token, String session) {
		send(HttpMethod.GET, PRODUCTS + id, token, null, (session != null) ? Map.of("X-Session-Id", session) : Map.of())
			.expectStatus()
			.isOk();
	}

	private long views(String id) {
		return count("SELECT view_count FROM products WHERE id = ?::uuid", id);
	}

}
