package com.emporium.product.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.TestJwts;
import com.emporium.product.ProductServiceIntegrationTest;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class ProductApiTests extends ProductServiceIntegrationTest {

	static final String PRODUCTS = "/api/v1/products";

	@Test
	void vendorAddsAProductThatAnyoneCanReadAndProductCreatedIsPublished() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String category = body(post("/api/v1/categories", ADMIN, Map.of("name", "Decor", "slug", "decor-" + unique())),
				201)
			.get("id")
			.asString();
		String name = "Hanging heart " + unique();
		String sku = "HEART-" + unique();
		JsonNode created = body(post(PRODUCTS, vendor.token(), product(store,
				Map.of("name", name, "price", Map.of("amount", "2.55", "currency", "GBP"), "compareAtPrice",
						Map.of("amount", "3.10", "currency", "GBP"), "categoryId", category, "tags",
						List.of("Gift", " gift ", "Home"), "attributes", Map.of("material", "tin"), "images",
						List.of(Map.of("url", "https://img.example/1.jpg"),
								Map.of("url", "https://img.example/2.jpg", "alt", "Side")),
						"variants", List.of(Map.of("sku", sku, "options", Map.of("colour", "red"), "stock", 3),
								Map.of("sku", sku + "-B", "price", Map.of("amount", "2.75", "currency", "GBP"),
										"stock", 0))))),
				201);
		String id = created.get("id").asString();
		assertThat(created.get("price").get("amount").decimalValue()).isEqualByComparingTo("2.55");
		assertThat(created.get("slug").asString()).startsWith("hanging-heart-");
		assertThat(created.get("version").asLong()).isZero();
		assertThat(created.get("active").asBoolean()).isTrue();
		assertThat(created.get("inStock").asBoolean()).isTrue();
		assertThat(created.get("reviewCount").asInt()).isZero();

		JsonNode read = body(get(PRODUCTS + "/" + id, null), 200);
		assertThat(read.get("name").asString()).isEqualTo(name);
		assertThat(read.get("storeId").asString()).isEqualTo(store);
		assertThat(read.get("categoryId").asString()).isEqualTo(category);
		assertThat(read.get("brand").asString()).isEqualTo("Woodworks");
		assertThat(read.get("price").get("amount").decimalValue()).isEqualByComparingTo("2.55");
		assertThat(read.get("compareAtPrice").get("amount").decimalValue()).isEqualByComparingTo("3.10");
		assertThat(read.get("tags").valueStream().map(JsonNode::asString)).containsExactly("gift", "home");
		assertThat(read.get("attributes").get("material").asString()).isEqualTo("tin");
		assertThat(read.get("images").get(0).get("primary").asBoolean()).isTrue();
		assertThat(read.get("images").get(1).get("primary").asBoolean()).isFalse();
		assertThat(read.get("images").get(1).get("alt").asString()).isEqualTo("Side");
		JsonNode first = read.get("variants").get(0);
		assertThat(first.get("sku").asString()).isEqualTo(sku);
		assertThat(first.get("options").get("colour").asString()).isEqualTo("red");
		assertThat(absent(first, "price")).isTrue();
		assertThat(first.get("effectivePrice").get("amount").decimalValue()).isEqualByComparingTo("2.55");
		assertThat(read.get("variants").get(1).get("price").get("amount").decimalValue()).isEqualByComparingTo("2.75");
		get(PRODUCTS + "/" + id, null).expectHeader().valueEquals("ETag", "\"0\"");

		JsonNode envelope = awaitEvent("emporium.product.product-created.v1", id, event -> true);
		assertThat(envelope.get("type").asString()).isEqualTo("ProductCreated");
		assertThat(envelope.get("source").asString()).isEqualTo("product-service");
		assertThat(envelope.get("subject").asString()).isEqualTo(id);
		JsonNode data = envelope.get("data");
		assertThat(data.get("name").asString()).isEqualTo(name);
		assertThat(data.get("priceAmount").decimalValue()).isEqualByComparingTo("2.55");
		assertThat(data.get("priceCurrency").asString()).isEqualTo("GBP");
		assertThat(data.get("storeId").asString()).isEqualTo(store);
		assertThat(data.get("categoryId").asString()).isEqualTo(category);
		assertThat(data.get("categoryName").asString()).isEqualTo("Decor");
		JsonNode stock = awaitEvent("emporium.product.stock-changed.v1", id,
				event -> event.get("data").get("sku").asString().equals(sku));
		assertThat(stock.get("data").get("available").asInt()).isEqualTo(3);
		assertThat(stock.get("data").get("productId").asString()).isEqualTo(id);
	}

	@Test
	void adminsMayAddProductsToAnyStore() {
		String store = openStore(Vendor.create().token());
		body(post(PRODUCTS, ADMIN, product(store, Map.of())), 201);
	}

	@Test
	void aVendorWithExactlyOneStoreMayLeaveTheStoreOut() {
		Vendor vendor = Vendor.create();
		Map<String, Object> body = product("unused", Map.of("variants", List.of()));
		body.remove("storeId");
		problem(post(PRODUCTS, vendor.token(), body), 400, "validation-failed", "#/storeId");
		String store = openStore(vendor.token());
		assertThat(body(post(PRODUCTS, vendor.token(), body), 201).get("storeId").asString()).isEqualTo(store);
		openStore(vendor.token());
		problem(post(PRODUCTS, vendor.token(), body), 400, "validation-failed", "#/storeId");
		problem(post(PRODUCTS, ADMIN, body), 400, "validation-failed", "#/storeId");
	}

	@Test
	void addingAProductNeedsTheStoresOwnerOrAnAdmin() {
		String store = openStore(Vendor.create().token());
		problem(post(PRODUCTS, null, product(store, Map.of())), 401, "unauthenticated", null);
		post(PRODUCTS, null, product(store, Map.of())).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		problem(post(PRODUCTS, CUSTOMER, product(store, Map.of())), 403, "forbidden", null);
		problem(post(PRODUCTS, MANAGER, product(store, Map.of())), 403, "forbidden", null);
		JsonNode notOwner = problem(post(PRODUCTS, Vendor.create().token(), product(store, Map.of())), 403,
				"forbidden", null);
		assertThat(notOwner.get("detail").asString()).contains("owner");
		problem(post(PRODUCTS, TestJwts.expiredToken(UUID.randomUUID().toString(), "VENDOR"), product(store, Map.of())),
				401, "unauthenticated", null);
		assertThat(count("SELECT count(*) FROM products WHERE store_id = ?::uuid", store)).isZero();
	}

	@Test
	void unlistedProductsAreSeenOnlyByTheirOwnerAndStaff() {
		Vendor vendor = Vendor.create();
		String id = createProduct(vendor.token(), product(openStore(vendor.token()), Map.of("active", false)))
			.get("id")
			.asString();
		problem(get(PRODUCTS + "/" + id, null), 404, "not-found", null);
		problem(get(PRODUCTS + "/" + id, CUSTOMER), 404, "not-found", null);
		problem(get(PRODUCTS + "/" + id, Vendor.create().token()), 404, "not-found", null);
		assertThat(body(get(PRODUCTS + "/" + id, vendor.token()), 200).get("active").asBoolean()).isFalse();
		body(get(PRODUCTS + "/" + id, MANAGER), 200);
		body(get(PRODUCTS + "/" + id, ADMIN), 200);
	}

	@Test
	void unknownOrMalformedIdsAndAbsurdPagesAreProblems() {
		JsonNode missing = problem(get(PRODUCTS + "/" + UUID.randomUUID(), null), 404, "not-found", null);
		assertThat(missing.get("resource").asString()).isEqualTo("Product");
		problem(get(PRODUCTS + "/42", null), 400, "validation-failed", "id");
		problem(get(PRODUCTS + "?size=10000", null), 400, "validation-failed", "size");
		problem(get(PRODUCTS + "?page=-1", null), 400, "validation-failed", "page");
		problem(get(PRODUCTS + "?page=lots", null), 400, "validation-failed", "page");
	}

}
