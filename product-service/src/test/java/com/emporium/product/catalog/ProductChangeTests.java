package com.emporium.product.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.product.ProductServiceIntegrationTest;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class ProductChangeTests extends ProductServiceIntegrationTest {

	static final String PRODUCTS = "/api/v1/products";

	@Test
	void theOwnerChangesAProductNamingTheVersionReadAndProductUpdatedIsPublished() {
		Vendor vendor = Vendor.create();
		JsonNode created = createProduct(vendor.token(), product(openStore(vendor.token()),
				Map.of("compareAtPrice", Map.of("amount", "50.00", "currency", "EUR"))));
		String id = created.get("id").asString();

		Map<String, Object> change = new HashMap<>();
		change.put("version", 0);
		change.put("name", "Walnut stool");
		change.put("brand", null);
		change.put("compareAtPrice", null);
		change.put("tags", List.of("seating"));
		JsonNode changed = body(patch(PRODUCTS + "/" + id, vendor.token(), change), 200);
		assertThat(changed.get("name").asString()).isEqualTo("Walnut stool");
		assertThat(absent(changed, "brand")).isTrue();
		assertThat(absent(changed, "compareAtPrice")).isTrue();
		assertThat(changed.get("description").asString()).isEqualTo("A sturdy thing");
		assertThat(changed.get("price").get("amount").decimalValue()).isEqualByComparingTo("40.00");
		assertThat(changed.get("variants").size()).isOne();
		assertThat(changed.get("version").asLong()).isOne();

		JsonNode event = awaitEvent("emporium.product.product-updated.v1", id,
				update -> update.get("data").get("version").asLong() == 1);
		assertThat(event.get("type").asString()).isEqualTo("ProductUpdated");
		assertThat(event.get("data").get("name").asString()).isEqualTo("Walnut stool");
		assertThat(event.get("data").get("tags").get(0).asString()).isEqualTo("seating");
		assertThat(absent(event.get("data"), "categoryName")).isTrue();
	}

	@Test
	void aStaleVersionIsRefusedAndNothingIsLost() {
		Vendor vendor = Vendor.create();
		String id = createProduct(vendor.token(), product(openStore(vendor.token()), Map.of())).get("id").asString();
		body(patch(PRODUCTS + "/" + id, vendor.token(), Map.of("version", 0, "name", "First change")), 200);

		JsonNode stale = problem(patch(PRODUCTS + "/" + id, vendor.token(), Map.of("version", 0, "brand", "Lost")),
				409, "version-conflict", null);
		assertThat(stale.get("currentVersion").asLong()).isOne();
		JsonNode read = body(get(PRODUCTS + "/" + id, null), 200);
		assertThat(read.get("name").asString()).isEqualTo("First change");
		assertThat(read.get("brand").asString()).isEqualTo("Woodworks");

		problem(patch(PRODUCTS + "/" + id, vendor.token(), Map.of("name", "No version")), 400, "validation-failed",
				"#/version");
		problem(send(HttpMethod.PATCH, PRODUCTS + "/" + id, vendor.token(), Map.of("name", "Stale"),
				Map.of("If-Match", "\"0\"")), 409, "version-conflict", null);
		problem(send(HttpMethod.PATCH, PRODUCTS + "/" + id, vendor.token(), Map.of("version", 1, "name", "Two"),
				Map.of("If-Match", "\"0\"")), 400, "validation-failed", "#/version");
		problem(send(HttpMethod.PATCH, PRODUCTS + "/" + id, vendor.token(), Map.of("name", "Odd"),
				Map.of("If-Match", "yesterday")), 400, "validation-failed", "If-Match");
		JsonNode viaHeader = body(send(HttpMethod.PATCH, PRODUCTS + "/" + id, vendor.token(),
				Map.of("name", "Via If-Match"), Map.of("If-Match", "W/\"1\"")), 200);
		assertThat(viaHeader.get("version").asLong()).isEqualTo(2);
		get(PRODUCTS + "/" + id, null).expectHeader().valueEquals("ETag", "\"2\"");
	}

	@Test
	void ofTwoConcurrentChangesFromTheSameVersionOneWinsAndTheOtherIsRefused() throws Exception {
		Vendor vendor = Vendor.create();
		String id = createProduct(vendor.token(), product(openStore(vendor.token()), Map.of())).get("id").asString();
		List<Callable<Integer>> changes = new ArrayList<>();
		for (String name : List.of("Left", "Right", "Middle")) {
			changes.add(() -> patch(PRODUCTS + "/" + id, vendor.token(), Map.of("version", 0, "name", name))
				.expectBody(String.class)
				.returnResult()
				.getStatus()
				.value());
		}
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
			for (Future<Integer> status : pool.invokeAll(changes)) {
				statuses.add(status.get());
			}
		}
		assertThat(statuses).containsExactlyInAnyOrder(200, 409, 409);
		assertThat(body(get(PRODUCTS + "/" + id, null), 200).get("version").asLong()).isOne();
	}

	@Test
	void onlyTheOwnerOrAnAdminChangesOrDeletesAProduct() {
		Vendor vendor = Vendor.create();
		String id = createProduct(vendor.token(), product(openStore(vendor.token()), Map.of())).get("id").asString();
		JsonNode refused = problem(
				patch(PRODUCTS + "/" + id, Vendor.create().token(), Map.of("version", 0, "name", "Mine")), 403,
				"forbidden", null);
		assertThat(refused.get("detail").asString()).contains("owner");
		problem(patch(PRODUCTS + "/" + id, CUSTOMER, Map.of("version", 0, "name", "Mine")), 403, "forbidden", null);
		problem(patch(PRODUCTS + "/" + id, MANAGER, Map.of("version", 0, "name", "Mine")), 403, "forbidden", null);
		problem(patch(PRODUCTS + "/" + id, null, Map.of("version", 0, "name", "Mine")), 401, "unauthenticated", null);
		problem(delete(PRODUCTS + "/" + id, Vendor.create().token()), 403, "forbidden", null);
		problem(delete(PRODUCTS + "/" + id, MANAGER), 403, "forbidden", null);
		assertThat(body(get(PRODUCTS + "/" + id, null), 200).get("version").asLong()).isZero();
		body(patch(PRODUCTS + "/" + id, ADMIN, Map.of("version", 0, "active", false)), 200);
	}

	@Test
	void variantsAreReplacedBySkuAndStockChangesArePublished() {
		Vendor vendor = Vendor.create();
		String keep = "KEEP-" + unique();
		String drop = "DROP-" + unique();
		String id = createProduct(vendor.token(), product(openStore(vendor.token()),
				Map.of("variants", List.of(Map.of("sku", keep, "stock", 2), Map.of("sku", drop, "stock", 4)))))
			.get("id")
			.asString();
		String added = "ADD-" + unique();
		JsonNode changed = body(patch(PRODUCTS + "/" + id, vendor.token(),
				Map.of("version", 0, "variants",
						List.of(Map.of("sku", added, "options", Map.of("size", "L"), "stock", 7),
								Map.of("sku", keep.toLowerCase(), "stock", 9)))),
				200);
		assertThat(changed.get("variants").valueStream().map(variant -> variant.get("sku").asString()))
			.containsExactly(added, keep.toLowerCase());
		assertThat(changed.get("variants").get(1).get("stock").asInt()).isEqualTo(9);

		assertThat(stockEvent(id, added)).isEqualTo(7);
		awaitEvent("emporium.product.stock-changed.v1", id,
				event -> event.get("data").get("sku").asString().equals(keep.toLowerCase())
						&& event.get("data").get("available").asInt() == 9);
		awaitEvent("emporium.product.stock-changed.v1", id,
				event -> event.get("data").get("sku").asString().equals(drop)
						&& event.get("data").get("available").asInt() == 0);
		// The dropped SKU is free again.
		Vendor other = Vendor.create();
		createProduct(other.token(), product(openStore(other.token()), Map.of("variants", List.of(Map.of("sku", drop,
				"stock", 1)))));
	}

	@Test
	void ownersAdminsAndManagersSetStock() {
		Vendor vendor = Vendor.create();
		String sku = "STOCK-" + unique();
		String id = createProduct(vendor.token(), product(openStore(vendor.token()),
				Map.of("variants", List.of(Map.of("sku", sku, "stock", 0), Map.of("sku", sku + "-2", "stock", 1)))))
			.get("id")
			.asString();
		String stock = PRODUCTS + "/" + id + "/stock";
		JsonNode restocked = body(
				patch(stock, vendor.token(), Map.of("variants", List.of(Map.of("sku", sku, "stock", 12)))), 200);
		assertThat(restocked.get("variants").get(0).get("stock").asInt()).isEqualTo(12);
		assertThat(restocked.get("variants").get(1).get("stock").asInt()).isOne();
		assertThat(restocked.get("version").asLong()).isOne();
		assertThat(stockEvent(id, sku, 12)).isEqualTo(12);

		body(patch(stock, MANAGER, Map.of("variants", List.of(Map.of("sku", sku.toLowerCase(), "stock", 3)))), 200);
		body(patch(stock, ADMIN, Map.of("version", 2, "variants", List.of(Map.of("sku", sku, "stock", 4)))), 200);
		problem(patch(stock, ADMIN, Map.of("version", 2, "variants", List.of(Map.of("sku", sku, "stock", 5)))), 409,
				"version-conflict", null);
		problem(patch(stock, Vendor.create().token(), Map.of("variants", List.of(Map.of("sku", sku, "stock", 99)))),
				403, "forbidden", null);
		problem(patch(stock, CUSTOMER, Map.of("variants", List.of(Map.of("sku", sku, "stock", 99)))), 403, "forbidden",
				null);
		problem(patch(stock, vendor.token(), Map.of("variants", List.of(Map.of("sku", "NOPE", "stock", 1)))), 400,
				"validation-failed", "#/variants/0/sku");
		problem(patch(stock, vendor.token(),
				Map.of("variants", List.of(Map.of("sku", sku, "stock", 1), Map.of("sku", sku, "stock", 2)))),
				400, "validation-failed", "#/variants/1/sku");
		problem(patch(stock, vendor.token(), Map.of("variants", List.of(Map.of("sku", sku, "stock", -1)))), 400,
				"validation-failed", "#/variants/0/stock");
		problem(patch(stock, vendor.token(), Map.of("variants", List.of(Map.of("sku", sku, "stock", "lots")))), 400,
				"validation-failed", "#/variants/0/stock");
		problem(patch(stock, vendor.token(), Map.of("variants", List.of(Map.of("sku", sku, "stock", 10_000_000_000L)))),
				400, "validation-failed", "#/variants/0/stock");
		problem(patch(stock, vendor.token(), Map.of("variants", List.of())), 400, "validation-failed", "#/variants");
		assertThat(body(get(PRODUCTS + "/" + id, null), 200).get("variants").get(0).get("stock").asInt()).isEqualTo(4);
	}

	@Test
	void aDeletedProductIsGoneFromTheCatalogButItsRowStays() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		JsonNode created = createProduct(vendor.token(), product(store, Map.of()));
		String id = created.get("id").asString();
		String slug = created.get("slug").asString();
		problem(send(HttpMethod.DELETE, PRODUCTS + "/" + id, vendor.token(), null, Map.of("If-Match", "\"7\"")), 409,
				"version-conflict", null);
		delete(PRODUCTS + "/" + id, vendor.token()).expectStatus().isNoContent();

		problem(get(PRODUCTS + "/" + id, null), 404, "not-found", null);
		problem(get(PRODUCTS + "/" + id, ADMIN), 404, "not-found", null);
		problem(patch(PRODUCTS + "/" + id, vendor.token(), Map.of("version", 1, "name", "Back")), 404, "not-found",
				null);
		problem(delete(PRODUCTS + "/" + id, vendor.token()), 404, "not-found", null);
		assertThat(body(get(PRODUCTS + "?store=" + store, null), 200).get("totalItems").asLong()).isZero();
		assertThat(count("SELECT count(*) FROM products WHERE id = ?::uuid AND deleted_at IS NOT NULL", id)).isOne();
		JsonNode deleted = awaitEvent("emporium.product.product-deleted.v1", id, event -> true);
		assertThat(deleted.get("data").get("storeId").asString()).isEqualTo(store);
		// The slug is free again in the store.
		createProduct(vendor.token(), product(store, Map.of("slug", slug)));
	}

	private static int stockEvent(String productId, String sku) {
		return awaitEvent("emporium.product.stock-changed.v1", productId,
				event -> event.get("data").get("sku").asString().equals(sku))
			.get("data")
			.get("available")
			.asInt();
	}

	private static int stockEvent(String productId, String sku, int available) {
		return awaitEvent("emporium.product.stock-changed.v1", productId,
				event -> event.get("data").get("sku").asString().equals(sku)
						&& event.get("data").get("available").asInt() == available)
			.get("data")
			.get("available")
			.asInt();
	}

}
