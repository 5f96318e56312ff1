package com.emporium.product.catalog;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.KafkaTopics;
import com.emporium.product.ProductServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ProductCategoryNameTests extends ProductServiceIntegrationTest {

	static final String PRODUCTS = "/api/v1/products";

	static final String CREATED = "emporium.product.product-created.v1";

	static final String UPDATED = "emporium.product.product-updated.v1";

	@Test
	void productEventsCarryTheNameOfTheProductsCurrentCategory() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String kitchen = addCategory("Kitchen " + unique(), null);
		String garden = addCategory("Garden " + unique(), null);
		String kitchenName = categoryName(kitchen);
		String gardenName = categoryName(garden);
		String id = createProduct(vendor.token(), product(store, Map.of("categoryId", kitchen))).get("id").asString();
		String uncategorised = createProduct(vendor.token(), product(store, Map.of())).get("id").asString();

		JsonNode created = awaitEvent(CREATED, id, event -> true).get("data");
		assertThat(created.get("categoryId").asString()).isEqualTo(kitchen);
		assertThat(created.get("categoryName").asString()).isEqualTo(kitchenName);
		assertThat(absent(awaitEvent(CREATED, uncategorised, event -> true).get("data"), "categoryName")).isTrue();

		body(patch(PRODUCTS + "/" + id, vendor.token(), Map.of("version", 0, "name", "Renamed stool")), 200);
		assertThat(updated(id, 1).get("categoryName").asString()).isEqualTo(kitchenName);

		body(patch(PRODUCTS + "/" + id, vendor.token(), Map.of("version", 1, "categoryId", garden)), 200);
		JsonNode moved = updated(id, 2);
		assertThat(moved.get("categoryId").asString()).isEqualTo(garden);
		assertThat(moved.get("categoryName").asString()).isEqualTo(gardenName);

		Map<String, Object> noCategory = new HashMap<>();
		noCategory.put("version", 2);
		noCategory.put("categoryId", null);
		body(patch(PRODUCTS + "/" + id, vendor.token(), noCategory), 200);
		JsonNode removed = updated(id, 3);
		assertThat(absent(removed, "categoryId")).isTrue();
		assertThat(absent(removed, "categoryName")).isTrue();
	}

	@Test
	void renamingACategoryRepublishesItsLiveProductsWithTheNewNameAndMovesTheirVersionOn() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String lights = addCategory("Lights " + unique(), null);
		String lanterns = addCategory("Lanterns " + unique(), lights);
		String first = createProduct(vendor.token(), product(store, Map.of("categoryId", lights))).get("id").asString();
		String second = createProduct(vendor.token(), product(store, Map.of("categoryId", lights))).get("id")
			.asString();
		String beneath = createProduct(vendor.token(), product(store, Map.of("categoryId", lanterns))).get("id")
			.asString();
		String gone = createProduct(vendor.token(), product(store, Map.of("categoryId", lights))).get("id").asString();
		delete(PRODUCTS + "/" + gone, vendor.token()).expectStatus().isNoContent();
		body(patch(PRODUCTS + "/" + second, vendor.token(), Map.of("version", 0, "name", "Edited lamp")), 200);

		String newName = "Candles and lights " + unique();
		body(patch("/api/v1/categories/" + lights, ADMIN, Map.of("name", newName)), 200);

		JsonNode firstUpdate = updated(first, 1);
		assertThat(firstUpdate.get("categoryId").asString()).isEqualTo(lights);
		assertThat(firstUpdate.get("categoryName").asString()).isEqualTo(newName);
		assertThat(firstUpdate.get("storeId").asString()).isEqualTo(store);
		JsonNode secondUpdate = updated(second, 2);
		assertThat(secondUpdate.get("categoryName").asString()).isEqualTo(newName);
		assertThat(secondUpdate.get("name").asString()).isEqualTo("Edited lamp");
		get(PRODUCTS + "/" + first, null).expectHeader().valueEquals("ETag", "\"1\"");
		get(PRODUCTS + "/" + second, null).expectHeader().valueEquals("ETag", "\"2\"");
		// A sub-category keeps its own name, and a deleted product is not announced again.
		get(PRODUCTS + "/" + beneath, null).expectHeader().valueEquals("ETag", "\"0\"");
		assertThat(count("SELECT version FROM products WHERE id = ?::uuid", gone)).isOne();
		assertThat(KafkaTopics.readAll(UPDATED)).noneMatch(record -> record.key().equals(beneath))
			.noneMatch(record -> record.key().equals(gone));

		// A stale edit is refused, not written over the rename; an edit of the new version keeps the name.
		problem(patch(PRODUCTS + "/" + first, vendor.token(), Map.of("version", 0, "name", "Stale")), 409,
				"version-conflict", null);
		body(patch(PRODUCTS + "/" + first, vendor.token(), Map.of("version", 1, "name", "Fresh lamp")), 200);
		assertThat(updated(first, 2).get("categoryName").asString()).isEqualTo(newName);
		String later = createProduct(vendor.token(), product(store, Map.of("categoryId", lights))).get("id").asString();
		assertThat(awaitEvent(CREATED, later, event -> true).get("data").get("categoryName").asString())
			.isEqualTo(newName);
	}

	@Test
	void changingACategoryWithoutANewNameLeavesItsProductsAlone() {
		Vendor vendor = Vendor.create();
		String name = "Rugs " + unique();
		String rugs = addCategory(name, null);
		String id = createProduct(vendor.token(), product(openStore(vendor.token()), Map.of("categoryId", rugs)))
			.get("id")
			.asString();

		body(patch("/api/v1/categories/" + rugs, ADMIN,
				Map.of("name", " " + name + " ", "slug", "rugs-" + unique(), "description", "Soft")), 200);

		get(PRODUCTS + "/" + id, null).expectHeader().valueEquals("ETag", "\"0\"");
	}

	private String categoryName(String id) {
		return body(get("/api/v1/categories/" + id, null), 200).get("name").asString();
	}

	/** The data of the product's {@code ProductUpdated} at this version. */
	private static JsonNode updated(String id, long version) {
		return awaitEvent(UPDATED, id, event -> event.get("data").get("version").asLong() == version).get("data");
	}

}
