package com.emporium.product.categories;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.product.ProductServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryTests extends ProductServiceIntegrationTest {

	static final String CATEGORIES = "/api/v1/categories";

	@Test
	void adminsBuildATreeThatAnyoneReadsInOneCall() {
		String home = add("Home " + unique(), null);
		String kitchen = add("Kitchen", home);
		String knives = add("Knives", kitchen);
		String garden = add("Garden", home);

		JsonNode root = node(body(get(CATEGORIES, null), 200), home);
		assertThat(absent(root, "parentId")).isTrue();
		assertThat(root.get("children").valueStream().map(child -> child.get("name").asString()))
			.containsExactly("Garden", "Kitchen");
		JsonNode kitchenNode = root.get("children").get(1);
		assertThat(kitchenNode.get("id").asString()).isEqualTo(kitchen);
		assertThat(kitchenNode.get("parentId").asString()).isEqualTo(home);
		assertThat(kitchenNode.get("children").get(0).get("id").asString()).isEqualTo(knives);
		assertThat(body(get(CATEGORIES + "/" + kitchen, null), 200).get("children").get(0).get("name").asString())
			.isEqualTo("Knives");
		assertThat(garden).isNotNull();
	}

	@Test
	void adminsRenameAndMoveCategoriesWithWhatLiesBeneath() {
		String home = add("Home " + unique(), null);
		String kitchen = add("Kitchen", home);
		String knives = add("Knives", kitchen);
		String tools = add("Tools " + unique(), null);

		JsonNode moved = body(patch(CATEGORIES + "/" + kitchen, ADMIN,
				Map.of("parentId", tools, "name", "Cookware", "description", "Pans")), 200);
		assertThat(moved.get("parentId").asString()).isEqualTo(tools);
		assertThat(moved.get("name").asString()).isEqualTo("Cookware");
		assertThat(moved.get("children").get(0).get("id").asString()).isEqualTo(knives);
		assertThat(node(body(get(CATEGORIES, null), 200), home).get("children").size()).isZero();

		Map<String, Object> toTop = new HashMap<>();
		toTop.put("parentId", null);
		JsonNode top = body(patch(CATEGORIES + "/" + kitchen, ADMIN, toTop), 200);
		assertThat(absent(top, "parentId")).isTrue();
		assertThat(top.get("description").asString()).isEqualTo("Pans");
		assertThat(absent(body(patch(CATEGORIES + "/" + kitchen, ADMIN, Map.of("slug", "pans-" + unique())), 200),
				"parentId"))
			.isTrue();
	}

	@Test
	void aCategoryCannotMoveBeneathItselfOrWhatLiesBeneathIt() {
		String home = add("Home " + unique(), null);
		String kitchen = add("Kitchen", home);
		String knives = add("Knives", kitchen);
		problem(patch(CATEGORIES + "/" + home, ADMIN, Map.of("parentId", knives)), 409, "category-cycle",
				"#/parentId");
		problem(patch(CATEGORIES + "/" + home, ADMIN, Map.of("parentId", home)), 409, "category-cycle", "#/parentId");
		problem(patch(CATEGORIES + "/" + home, ADMIN, Map.of("parentId", UUID.randomUUID().toString())), 400,
				"validation-failed", "#/parentId");
		assertThat(absent(body(get(CATEGORIES + "/" + home, null), 200), "parentId")).isTrue();
	}

	@Test
	void aCategoryWithSubCategoriesOrProductsIsNotDeleted() {
		String home = add("Home " + unique(), null);
		String kitchen = add("Kitchen", home);
		problem(delete(CATEGORIES + "/" + home, ADMIN), 409, "category-in-use", null);

		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String product = createProduct(vendor.token(), product(store, Map.of("categoryId", kitchen))).get("id")
			.asString();
		JsonNode inUse = problem(delete(CATEGORIES + "/" + kitchen, ADMIN), 409, "category-in-use", null);
		assertThat(inUse.get("detail").asString()).contains("products");

		delete("/api/v1/products/" + product, vendor.token()).expectStatus().isNoContent();
		delete(CATEGORIES + "/" + kitchen, ADMIN).expectStatus().isNoContent();
		problem(get(CATEGORIES + "/" + kitchen, null), 404, "not-found", null);
		delete(CATEGORIES + "/" + home, ADMIN).expectStatus().isNoContent();
	}

	@Test
	void onlyAdminsChangeCategories() {
		String id = add("Home " + unique(), null);
		Map<String, Object> body = category("Nope", null);
		for (String token : new String[] { Vendor.create().token(), MANAGER, CUSTOMER }) {
			problem(post(CATEGORIES, token, body), 403, "forbidden", null);
			problem(patch(CATEGORIES + "/" + id, token, Map.of("name", "Nope")), 403, "forbidden", null);
			problem(delete(CATEGORIES + "/" + id, token), 403, "forbidden", null);
		}
		problem(post(CATEGORIES, null, body), 401, "unauthenticated", null);
		problem(delete(CATEGORIES + "/" + id, null), 401, "unauthenticated", null);
		assertThat(body(get(CATEGORIES + "/" + id, null), 200).get("name").asString()).startsWith("Home ");
	}

	@Test
	void badCategoriesAreNamedAndNothingIsWritten() {
		String slug = "lamps-" + unique();
		body(post(CATEGORIES, ADMIN, Map.of("name", "Lamps", "slug", slug)), 201);
		long before = count("SELECT count(*) FROM categories");
		problem(post(CATEGORIES, ADMIN, Map.of("name", "Lamps again", "slug", slug)), 409, "already-exists", "#/slug");
		problem(post(CATEGORIES, ADMIN, category("", null)), 400, "validation-failed", "#/name");
		problem(post(CATEGORIES, ADMIN, category("n".repeat(101), null)), 400, "validation-failed", "#/name");
		problem(post(CATEGORIES, ADMIN, Map.of("name", "Bad slug", "slug", "Bad Slug")), 400, "validation-failed",
				"#/slug");
		problem(post(CATEGORIES, ADMIN, Map.of("name", "No slug")), 400, "validation-failed", "#/slug");
		problem(post(CATEGORIES, ADMIN, category("Orphan", UUID.randomUUID().toString())), 400, "validation-failed",
				"#/parentId");
		problem(post(CATEGORIES, ADMIN, category("Wrong parent", "not-a-uuid")), 400, "validation-failed",
				"#/parentId");
		problem(post(CATEGORIES, ADMIN, "{\"name\": "), 400, "malformed-request", null);
		assertThat(count("SELECT count(*) FROM categories")).isEqualTo(before);
		problem(get(CATEGORIES + "/" + UUID.randomUUID(), null), 404, "not-found", null);
		problem(get(CATEGORIES + "/42", null), 400, "validation-failed", "id");
		problem(patch(CATEGORIES + "/" + UUID.randomUUID(), ADMIN, Map.of("name", "x")), 404, "not-found", null);
		problem(delete(CATEGORIES + "/" + UUID.randomUUID(), ADMIN), 404, "not-found", null);
	}

	private String add(String name, String parentId) {
		return body(post(CATEGORIES, ADMIN, category(name, parentId)), 201).get("id").asString();
	}

	private static Map<String, Object> category(String name, String parentId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("slug", "c-" + unique());
		if (parentId != null) {
			body.put("parentId", parentId);
		}
		return body;
	}

	/** A top-level category of the tree. */
	private static JsonNode node(JsonNode tree, String id) {
		return tree.valueStream()
			.filter(category -> category.get("id").asString().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError(id + " is not at the top of " + tree));
	}

}
