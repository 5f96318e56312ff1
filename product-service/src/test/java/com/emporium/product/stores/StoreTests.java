package com.emporium.product.stores;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.product.ProductServiceIntegrationTest;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class StoreTests extends ProductServiceIntegrationTest {

	static final String STORES = "/api/v1/stores";

	@Test
	void vendorOpensAStoreThatShoppersSeeOnlyWhileItIsActive() {
		Vendor vendor = Vendor.create();
		String slug = "tea-" + unique();
		JsonNode store = body(post(STORES, vendor.token(),
				Map.of("name", " Tea Corner ", "slug", slug, "description", "Leaves and pots")), 201);
		String id = store.get("id").asString();
		assertThat(store.get("name").asString()).isEqualTo("Tea Corner");
		assertThat(store.get("ownerId").asString()).isEqualTo(vendor.id().toString());
		assertThat(store.get("active").asBoolean()).isTrue();
		get(STORES + "/" + id, null).expectStatus().isOk();
		assertThat(listed(null, "", id)).isTrue();

		JsonNode closed = body(patch(STORES + "/" + id, vendor.token(), Map.of("active", false, "description", "")),
				200);
		assertThat(closed.get("active").asBoolean()).isFalse();
		assertThat(absent(closed, "description")).isTrue();
		assertThat(closed.get("slug").asString()).isEqualTo(slug);

		problem(get(STORES + "/" + id, null), 404, "not-found", null);
		problem(get(STORES + "/" + id, Vendor.create().token()), 404, "not-found", null);
		body(get(STORES + "/" + id, vendor.token()), 200);
		body(get(STORES + "/" + id, ADMIN), 200);
		assertThat(listed(null, "", id)).isFalse();
		assertThat(listed(vendor.token(), "&mine=true", id)).isTrue();
		assertThat(listed(ADMIN, "", id)).isTrue();
	}

	@Test
	void aVendorMayOwnSeveralStoresAndListsOnlyTheirOwn() {
		Vendor vendor = Vendor.create();
		String first = openStore(vendor.token());
		String second = openStore(vendor.token());
		String someoneElses = openStore(Vendor.create().token());
		JsonNode mine = body(get(STORES + "?mine=true", vendor.token()), 200);
		assertThat(mine.get("totalItems").asLong()).isEqualTo(2);
		assertThat(mine.get("items").valueStream().map(store -> store.get("id").asString()))
			.containsExactlyInAnyOrder(first, second)
			.doesNotContain(someoneElses);
		problem(get(STORES + "?mine=true", null), 401, "unauthenticated", null);
	}

	@Test
	void onlyTheOwnerOrAnAdminChangesOrDeletesAStore() {
		Vendor owner = Vendor.create();
		String id = openStore(owner.token());
		JsonNode refused = problem(patch(STORES + "/" + id, Vendor.create().token(), Map.of("name", "Mine now")), 403,
				"forbidden", null);
		assertThat(refused.get("detail").asString()).contains("owner").contains("admin");
		problem(patch(STORES + "/" + id, CUSTOMER, Map.of("name", "Mine now")), 403, "forbidden", null);
		problem(patch(STORES + "/" + id, MANAGER, Map.of("name", "Mine now")), 403, "forbidden", null);
		problem(patch(STORES + "/" + id, null, Map.of("name", "Mine now")), 401, "unauthenticated", null);
		problem(delete(STORES + "/" + id, Vendor.create().token()), 403, "forbidden", null);
		assertThat(body(get(STORES + "/" + id, null), 200).get("name").asString()).startsWith("Shop ");

		assertThat(body(patch(STORES + "/" + id, ADMIN, Map.of("name", "Renamed by admin")), 200).get("name")
			.asString()).isEqualTo("Renamed by admin");
		delete(STORES + "/" + id, ADMIN).expectStatus().isNoContent();
		problem(get(STORES + "/" + id, owner.token()), 404, "not-found", null);
		problem(patch(STORES + "/" + id, owner.token(), Map.of("name", "Back")), 404, "not-found", null);
	}

	@Test
	void aStoreWithProductsIsNotDeletedAndADeletedStoresSlugIsFree() {
		Vendor vendor = Vendor.create();
		String slug = "pots-" + unique();
		String id = body(post(STORES, vendor.token(), Map.of("name", "Pots", "slug", slug)), 201).get("id").asString();
		String product = createProduct(vendor.token(), product(id, Map.of("active", false))).get("id").asString();

		problem(delete(STORES + "/" + id, vendor.token()), 409, "store-not-empty", null);
		body(get(STORES + "/" + id, vendor.token()), 200);

		delete("/api/v1/products/" + product, vendor.token()).expectStatus().isNoContent();
		delete(STORES + "/" + id, vendor.token()).expectStatus().isNoContent();
		problem(get(STORES + "/" + id, ADMIN), 404, "not-found", null);
		assertThat(listed(ADMIN, "", id)).isFalse();
		body(post(STORES, vendor.token(), Map.of("name", "Pots again", "slug", slug)), 201);
	}

	@Test
	void aProductAddedWhileItsStoreIsDeletedNeverOutlivesTheStore() throws Exception {
		for (int round = 0; round < 5; round++) {
			Vendor vendor = Vendor.create();
			String id = openStore(vendor.token());
			Callable<Integer> add = () -> post("/api/v1/products", vendor.token(),
					product(id, Map.of()))
				.expectBody(String.class)
				.returnResult()
				.getStatus()
				.value();
			Callable<Integer> remove = () -> delete(STORES + "/" + id, vendor.token())
				.expectBody(String.class)
				.returnResult()
				.getStatus()
				.value();
			try (var pool = Executors.newFixedThreadPool(2)) {
				var added = pool.submit(add);
				var removed = pool.submit(remove);
				int product = added.get();
				int store = removed.get();
				// Either the product came first and the store stays, or the store went first and the product
				// was refused: never both.
				assertThat(List.of(product, store)).as("product %d, store %d", product, store)
					.isIn(List.of(201, 409), List.of(400, 204));
			}
			assertThat(count("SELECT count(*) FROM products p JOIN stores s ON s.id = p.store_id "
					+ "WHERE p.deleted_at IS NULL AND s.deleted_at IS NOT NULL")).isZero();
		}
	}

	@Test
	void takenSlugsAreRefusedByTheIndexNamingTheField() {
		Vendor vendor = Vendor.create();
		String slug = "herbs-" + unique();
		String id = body(post(STORES, vendor.token(), Map.of("name", "Herbs", "slug", slug)), 201).get("id").asString();
		problem(post(STORES, Vendor.create().token(), Map.of("name", "Other herbs", "slug", slug)), 409,
				"already-exists", "#/slug");
		String other = openStore(vendor.token());
		problem(patch(STORES + "/" + other, vendor.token(), Map.of("slug", slug)), 409, "already-exists", "#/slug");
		assertThat(count("SELECT count(*) FROM stores WHERE slug = ?", slug)).isOne();
		assertThat(body(get(STORES + "/" + id, null), 200).get("slug").asString()).isEqualTo(slug);
	}

	@Test
	void adminsOpenStoresForVendorsButVendorsOnlyForThemselves() {
		UUID vendorId = UUID.randomUUID();
		JsonNode store = body(post(STORES, ADMIN, Map.of("name", "Opened for", "slug", "for-" + unique(), "ownerId",
				vendorId.toString())), 201);
		assertThat(store.get("ownerId").asString()).isEqualTo(vendorId.toString());
		problem(post(STORES, Vendor.create().token(),
				Map.of("name", "Sneaky", "slug", "sneaky-" + unique(), "ownerId", vendorId.toString())), 403,
				"forbidden", null);
		problem(post(STORES, CUSTOMER, Map.of("name", "Nope", "slug", "nope-" + unique())), 403, "forbidden", null);
		problem(post(STORES, MANAGER, Map.of("name", "Nope", "slug", "nope-" + unique())), 403, "forbidden", null);
		problem(post(STORES, null, Map.of("name", "Nope", "slug", "nope-" + unique())), 401, "unauthenticated", null);
	}

	@Test
	void badStoresAreNamedAndNothingIsWritten() {
		Vendor vendor = Vendor.create();
		String token = vendor.token();
		problem(post(STORES, token, store(Map.of("name", " "))), 400, "validation-failed", "#/name");
		problem(post(STORES, token, store(Map.of("name", "n".repeat(101)))), 400, "validation-failed", "#/name");
		problem(post(STORES, token, store(Map.of("slug", "Not A Slug"))), 400, "validation-failed", "#/slug");
		problem(post(STORES, token, store(Map.of("slug", "double--hyphen"))), 400, "validation-failed", "#/slug");
		problem(post(STORES, token, store(Map.of("slug", "s".repeat(61)))), 400, "validation-failed", "#/slug");
		problem(post(STORES, token, store(Map.of("description", "d".repeat(2001)))), 400, "validation-failed",
				"#/description");
		problem(post(STORES, token, store(Map.of("ownerId", "me"))), 400, "validation-failed", "#/ownerId");
		problem(post(STORES, token, store(Map.of("name", List.of("a")))), 400, "validation-failed", "#/name");
		problem(post(STORES, token, "{\"name\": \"broken\", "), 400, "malformed-request", null);
		problem(post(STORES, token, "[]"), 400, "malformed-request", null);
		assertThat(count("SELECT count(*) FROM stores WHERE owner_id = ?::uuid", vendor.id().toString())).isZero();

		String id = openStore(token);
		problem(patch(STORES + "/" + id, token, Map.of("active", "maybe")), 400, "validation-failed", "#/active");
		problem(patch(STORES + "/" + id, token, Map.of("slug", "UPPER")), 400, "validation-failed", "#/slug");
		problem(patch(STORES + "/42", token, Map.of("name", "x")), 400, "validation-failed", "id");
		problem(patch(STORES + "/" + UUID.randomUUID(), token, Map.of("name", "x")), 404, "not-found", null);
		problem(get(STORES + "?size=10000", null), 400, "validation-failed", "size");
		problem(get(STORES + "?page=-1", null), 400, "validation-failed", "page");
		problem(get(STORES + "?mine=perhaps", token), 400, "validation-failed", "mine");
		problem(send(HttpMethod.PUT, STORES + "/" + id, token, Map.of()), 405, "method-not-allowed", null);
	}

	private boolean listed(String token, String query, String id) {
		JsonNode page = body(get(STORES + "?size=100" + query, token), 200);
		int pages = page.get("totalPages").asInt();
		for (int number = 0; number < pages; number++) {
			JsonNode items = (number == 0) ? page.get("items")
					: body(get(STORES + "?size=100&page=" + number + query, token), 200).get("items");
			if (items.valueStream().anyMatch(store -> store.get("id").asString().equals(id))) {
				return true;
			}
		}
		return false;
	}

	private static Map<String, Object> store(Map<String, Object> overrides) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Shop " + unique());
		body.put("slug", "shop-" + unique());
		body.putAll(overrides);
		return body;
	}

}
