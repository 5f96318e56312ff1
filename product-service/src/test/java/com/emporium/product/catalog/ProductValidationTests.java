package com.emporium.product.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.emporium.product.ProductServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ProductValidationTests extends ProductServiceIntegrationTest {

	static final String PRODUCTS = "/api/v1/products";

	@Test
	void badProductsAreNamedAndNothingIsWritten() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());

		refused(vendor, store, Map.of("price", Map.of("amount", "-1", "currency", "EUR")), "#/price/amount");
		refused(vendor, store, Map.of("price", Map.of("amount", "0", "currency", "EUR")), "#/price/amount");
		refused(vendor, store, Map.of("price", Map.of("amount", "1000000000", "currency", "EUR")), "#/price/amount");
		refused(vendor, store, Map.of("price", Map.of("amount", "1e999999999", "currency", "EUR")), "#/price/amount");
		refused(vendor, store, Map.of("price", Map.of("amount", "1.999", "currency", "EUR")), "#/price/amount");
		refused(vendor, store, Map.of("price", Map.of("amount", "cheap", "currency", "EUR")), "#/price/amount");
		refused(vendor, store, Map.of("price", Map.of("amount", 5, "currency", "ABC")), "#/price/currency");
		refused(vendor, store, Map.of("price", Map.of("amount", 5, "currency", "eur")), "#/price/currency");
		refused(vendor, store, Map.of("price", Map.of("amount", 5)), "#/price/currency");
		refused(vendor, store, Map.of("name", "x".repeat(201)), "#/name");
		refused(vendor, store, Map.of("name", " "), "#/name");
		refused(vendor, store, Map.of("slug", "Not a slug"), "#/slug");
		refused(vendor, store, Map.of("brand", "b".repeat(101)), "#/brand");
		refused(vendor, store, Map.of("description", "d".repeat(5001)), "#/description");
		refused(vendor, store, Map.of("compareAtPrice", Map.of("amount", "40.00", "currency", "EUR")),
				"#/compareAtPrice/amount");
		refused(vendor, store, Map.of("compareAtPrice", Map.of("amount", "45.00", "currency", "GBP")),
				"#/compareAtPrice/currency");
		refused(vendor, store, Map.of("tags", tags(21)), "#/tags");
		refused(vendor, store, Map.of("tags", List.of("t".repeat(41))), "#/tags/0");
		refused(vendor, store, Map.of("tags", List.of("ok", " ")), "#/tags/1");
		refused(vendor, store, Map.of("tags", "oak"), "#/tags");
		refused(vendor, store, Map.of("attributes", attributes(31)), "#/attributes");
		refused(vendor, store, Map.of("attributes", Map.of("k".repeat(51), "v")), "#/attributes");
		refused(vendor, store, Map.of("attributes", Map.of("material", "v".repeat(501))), "#/attributes");
		refused(vendor, store, Map.of("attributes", Map.of("material", Map.of("nested", "x"))),
				"#/attributes/material");
		refused(vendor, store, Map.of("images", List.of(Map.of("url", "javascript:alert(1)"))), "#/images/0/url");
		refused(vendor, store, Map.of("images", List.of(Map.of("url", "https://x/" + "a".repeat(2000)))),
				"#/images/0/url");
		refused(vendor, store, Map.of("images", images(11)), "#/images");
		refused(vendor, store, Map.of("images", List.of(Map.of("url", "https://img.example/a", "primary", true),
				Map.of("url", "https://img.example/b", "primary", true))), "#/images");
		refused(vendor, store, Map.of("variants", List.of(Map.of("sku", "S-" + unique(), "stock", -1))),
				"#/variants/0/stock");
		refused(vendor, store, Map.of("variants", List.of(Map.of("sku", "S-" + unique(), "stock", 10_000_000_000L))),
				"#/variants/0/stock");
		refused(vendor, store, Map.of("variants", List.of(Map.of("sku", "S-" + unique()))), "#/variants/0/stock");
		refused(vendor, store, Map.of("variants", List.of(Map.of("sku", "has space", "stock", 1))),
				"#/variants/0/sku");
		refused(vendor, store, Map.of("variants", List.of(Map.of("sku", "S-" + unique(), "stock", 1, "price",
				Map.of("amount", "5.00", "currency", "USD")))), "#/variants/0/price/currency");
		refused(vendor, store, Map.of("variants", List.of(Map.of("sku", "S-" + unique(), "stock", 1, "options",
				attributes(11)))), "#/variants/0/options");
		refused(vendor, store, Map.of("storeId", "not-a-uuid"), "#/storeId");
		refused(vendor, store, Map.of("active", "yes"), "#/active");
		problem(post(PRODUCTS, vendor.token(), product(UUID.randomUUID().toString(), Map.of())), 400,
				"validation-failed", "#/storeId");
		problem(post(PRODUCTS, vendor.token(), product(store, Map.of("categoryId", UUID.randomUUID().toString()))), 400,
				"validation-failed", "#/categoryId");
		problem(post(PRODUCTS, vendor.token(), "{\"name\": \"broken\", "), 400, "malformed-request", null);
		problem(post(PRODUCTS, vendor.token(), ""), 400, "malformed-request", null);

		assertThat(count("SELECT count(*) FROM products WHERE store_id = ?::uuid", store)).isZero();
		assertThat(count("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?", "%" + store + "%"))
			.isZero();
	}

	@Test
	void takenSkusAndSlugsAreRefusedByTheIndexesNamingTheField() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String sku = "TAKEN-" + unique();
		String slug = "taken-" + unique();
		createProduct(vendor.token(), product(store, Map.of("slug", slug, "variants", List.of(Map.of("sku", sku,
				"stock", 1)))));
		problem(post(PRODUCTS, vendor.token(), product(store, Map.of("slug", slug))), 409, "already-exists", "#/slug");
		Vendor other = Vendor.create();
		String otherStore = openStore(other.token());
		problem(post(PRODUCTS, other.token(), product(otherStore, Map.of("variants", List.of(
				Map.of("sku", "FREE-" + unique(), "stock", 1), Map.of("sku", sku.toLowerCase(), "stock", 1))))), 409,
				"already-exists", "#/variants/1/sku");
		String twice = "TWICE-" + unique();
		problem(post(PRODUCTS, other.token(), product(otherStore, Map.of("variants", List.of(
				Map.of("sku", twice, "stock", 1), Map.of("sku", twice, "stock", 2))))), 409, "already-exists",
				"#/variants/1/sku");
		assertThat(count("SELECT count(*) FROM products WHERE store_id IN (?::uuid, ?::uuid)", store, otherStore))
			.isOne();

		// Slugs are unique within a store, not across stores.
		createProduct(other.token(), product(otherStore, Map.of("slug", slug)));
		String id = createProduct(vendor.token(), product(store, Map.of())).get("id").asString();
		problem(patch(PRODUCTS + "/" + id, vendor.token(), Map.of("version", 0, "slug", slug)), 409, "already-exists",
				"#/slug");
		problem(patch(PRODUCTS + "/" + id, vendor.token(),
				Map.of("version", 0, "variants", List.of(Map.of("sku", sku, "stock", 1)))), 409, "already-exists",
				"#/variants/0/sku");
		assertThat(body(get(PRODUCTS + "/" + id, null), 200).get("version").asLong()).isZero();
	}

	@Test
	void badChangesAreNamedAndChangeNothing() {
		Vendor vendor = Vendor.create();
		String id = createProduct(vendor.token(), product(openStore(vendor.token()),
				Map.of("compareAtPrice", Map.of("amount", "50.00", "currency", "EUR"))))
			.get("id")
			.asString();
		String path = PRODUCTS + "/" + id;
		problem(patch(path, vendor.token(),
				Map.of("version", 0, "price", Map.of("amount", "60.00", "currency", "EUR"))), 400,
				"validation-failed", "#/price/amount");
		problem(patch(path, vendor.token(),
				Map.of("version", 0, "price", Map.of("amount", "10.00", "currency", "GBP"))), 400,
				"validation-failed", "#/price/currency");
		problem(patch(path, vendor.token(),
				Map.of("version", 0, "compareAtPrice", Map.of("amount", "30.00", "currency", "EUR"))), 400,
				"validation-failed", "#/compareAtPrice/amount");
		problem(patch(path, vendor.token(), Map.of("version", 0, "categoryId", UUID.randomUUID().toString())), 400,
				"validation-failed", "#/categoryId");
		problem(patch(path, vendor.token(), Map.of("version", -1, "name", "x")), 400, "validation-failed",
				"#/version");
		problem(patch(path, vendor.token(), Map.of("version", "one", "name", "x")), 400, "validation-failed",
				"#/version");
		problem(patch(path, vendor.token(), Map.of("version", 0, "name", "")), 400, "validation-failed", "#/name");
		problem(patch(path, vendor.token(), Map.of("version", 0, "tags", tags(21))), 400, "validation-failed",
				"#/tags");
		problem(patch(path, vendor.token(), Map.of("version", 0, "variants", List.of(Map.of("sku", "V", "stock", -5)))),
				400, "validation-failed", "#/variants/0/stock");
		Map<String, Object> nullName = new HashMap<>(Map.of("version", 0));
		nullName.put("name", null);
		assertThat(body(patch(path, vendor.token(), nullName), 200).get("name").asString()).startsWith("Oak stool");

		// Changing both together is fine.
		body(patch(path, vendor.token(), Map.of("version", 1, "price", Map.of("amount", "60.00", "currency", "EUR"),
				"compareAtPrice", Map.of("amount", "70.00", "currency", "EUR"))), 200);
		problem(patch(PRODUCTS + "/" + UUID.randomUUID(), vendor.token(), Map.of("version", 0, "name", "x")), 404,
				"not-found", null);
		problem(patch(PRODUCTS + "/nope", vendor.token(), Map.of("version", 0, "name", "x")), 400,
				"validation-failed", "id");
	}

	private void refused(Vendor vendor, String store, Map<String, Object> overrides, String pointer) {
		problem(post(PRODUCTS, vendor.token(), product(store, overrides)), 400, "validation-failed", pointer);
	}

	private static List<String> tags(int count) {
		List<String> tags = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			tags.add("tag" + i);
		}
		return tags;
	}

	private static Map<String, String> attributes(int count) {
		Map<String, String> attributes = new HashMap<>();
		for (int i = 0; i < count; i++) {
			attributes.put("key" + i, "value");
		}
		return attributes;
	}

	private static List<Map<String, Object>> images(int count) {
		List<Map<String, Object>> images = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			images.add(Map.of("url", "https://img.example/" + i + ".jpg"));
		}
		return images;
	}

}
