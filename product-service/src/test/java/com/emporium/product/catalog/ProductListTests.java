package com.emporium.product.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.product.ProductServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ProductListTests extends ProductServiceIntegrationTest {

	static final String PRODUCTS = "/api/v1/products";

	@Test
	void listsProductsNewestFirstWithTotals() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		createProduct(vendor.token(), product(store, Map.of("name", "Older")));
		createProduct(vendor.token(), product(store, Map.of("name", "Newest")));
		JsonNode page = body(get(PRODUCTS + "?size=1&store=" + store, null), 200);
		assertThat(page.get("items").get(0).get("name").asString()).isEqualTo("Newest");
		assertThat(page.get("size").asInt()).isOne();
		assertThat(page.get("totalItems").asLong()).isEqualTo(2);
		assertThat(page.get("totalPages").asInt()).isEqualTo(2);
		assertThat(body(get(PRODUCTS + "?size=1&page=1&store=" + store, null), 200).get("items").get(0).get("name")
			.asString()).isEqualTo("Older");
		assertThat(body(get(PRODUCTS + "?size=1&page=5&store=" + store, null), 200).get("items").size()).isZero();
		assertThat(body(get(PRODUCTS + "?size=100", null), 200).get("totalItems").asLong()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void filtersCombineAndSortByPrice() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String root = addCategory("Furniture", null);
		String chairs = addCategory("Chairs", root);
		String stools = addCategory("Stools", chairs);
		String lamps = addCategory("Lamps", null);
		String brand = "Brand" + unique();
		String cheap = add(vendor, store, "Cheap stool", "9.99", stools, brand, List.of("oak"), 3);
		String mid = add(vendor, store, "Mid chair", "50.00", chairs, brand, List.of("oak", "sale"), 0);
		String dear = add(vendor, store, "Dear sofa", "900.00", root, "Other" + unique(), List.of("sale"), 1);
		String lamp = add(vendor, store, "Lamp", "25.00", lamps, brand, List.of(), 2);
		add(vendor, store, "Hidden", "20.00", stools, brand, List.of("oak"), 5, false);
		String base = PRODUCTS + "?store=" + store;

		assertThat(ids(base)).containsExactly(lamp, dear, mid, cheap);
		assertThat(ids(base + "&category=" + root)).containsExactlyInAnyOrder(cheap, mid, dear);
		assertThat(ids(base + "&category=" + chairs)).containsExactlyInAnyOrder(cheap, mid);
		assertThat(ids(base + "&brand=" + brand.toUpperCase())).containsExactlyInAnyOrder(cheap, mid, lamp);
		assertThat(ids(base + "&minPrice=10&maxPrice=100")).containsExactlyInAnyOrder(mid, lamp);
		assertThat(ids(base + "&maxPrice=9.99")).containsExactly(cheap);
		assertThat(ids(base + "&inStock=true")).containsExactlyInAnyOrder(cheap, dear, lamp);
		assertThat(ids(base + "&tags=oak")).containsExactlyInAnyOrder(cheap, mid);
		assertThat(ids(base + "&tags=OAK,sale")).containsExactly(mid);
		assertThat(ids(base + "&tags=oak&tags=sale")).containsExactly(mid);
		assertThat(ids(base + "&sort=price-asc")).containsExactly(cheap, lamp, mid, dear);
		assertThat(ids(base + "&sort=price-desc")).containsExactly(dear, mid, lamp, cheap);
		assertThat(ids(base + "&sort=price-asc&category=" + root + "&inStock=true&brand=" + brand))
			.containsExactly(cheap);
		assertThat(ids(base + "&priceCurrency=GBP")).isEmpty();
		assertThat(ids(PRODUCTS + "?category=" + stools)).containsExactly(cheap);
	}

	@Test
	void unlistedProductsAreListedOnlyForTheirOwnerAndStaffWhenAsked() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String listed = createProduct(vendor.token(), product(store, Map.of())).get("id").asString();
		String hidden = createProduct(vendor.token(), product(store, Map.of("active", false))).get("id").asString();
		String base = PRODUCTS + "?store=" + store;
		assertThat(ids(base)).containsExactly(listed);
		assertThat(ids(base, vendor.token())).containsExactly(listed);
		assertThat(ids(base + "&includeInactive=true", vendor.token())).containsExactly(hidden, listed);
		assertThat(ids(base + "&includeInactive=true", MANAGER)).containsExactly(hidden, listed);
		problem(get(base + "&includeInactive=true", Vendor.create().token()), 403, "forbidden", null);
		problem(get(PRODUCTS + "?includeInactive=true", vendor.token()), 403, "forbidden", null);
		problem(get(base + "&includeInactive=true", null), 401, "unauthenticated", null);
	}

	@Test
	void badFiltersAreNamed() {
		problem(get(PRODUCTS + "?size=10000", null), 400, "validation-failed", "size");
		problem(get(PRODUCTS + "?size=0", null), 400, "validation-failed", "size");
		problem(get(PRODUCTS + "?category=" + UUID.randomUUID(), null), 400, "validation-failed", "category");
		problem(get(PRODUCTS + "?category=kitchen", null), 400, "validation-failed", "category");
		problem(get(PRODUCTS + "?store=" + UUID.randomUUID(), null), 400, "validation-failed", "store");
		problem(get(PRODUCTS + "?minPrice=-1", null), 400, "validation-failed", "minPrice");
		problem(get(PRODUCTS + "?maxPrice=cheap", null), 400, "validation-failed", "maxPrice");
		problem(get(PRODUCTS + "?maxPrice=1e999999999", null), 400, "validation-failed", "maxPrice");
		problem(get(PRODUCTS + "?minPrice=10&maxPrice=5", null), 400, "validation-failed", "minPrice");
		problem(get(PRODUCTS + "?priceCurrency=XYZ", null), 400, "validation-failed", "priceCurrency");
		problem(get(PRODUCTS + "?sort=cheapest", null), 400, "validation-failed", "sort");
		problem(get(PRODUCTS + "?inStock=sometimes", null), 400, "validation-failed", "inStock");
		problem(get(PRODUCTS + "?brand=" + "b".repeat(101), null), 400, "validation-failed", "brand");
		problem(get(PRODUCTS + "?tags=" + "t".repeat(41), null), 400, "validation-failed", "tags");
		problem(get(PRODUCTS + "?tags=a,b,c,d,e,f,g,h,i,j,k", null), 400, "validation-failed", "tags");
	}

	private List<String> ids(String path) {
		return ids(path, null);
	}

	private List<String> ids(String path, String token) {
		return itemIds(body(get(path + "&size=100", token), 200));
	}

	private String add(Vendor vendor, String store, String name, String price, String category, String brand,
			List<String> tags, int stock) {
		return add(vendor, store, name, price, category, brand, tags, stock, true);
	}

	private String add(Vendor vendor, String store, String name, String price, String category, String brand,
			List<String> tags, int stock, boolean active) {
		return createProduct(vendor.token(), product(store,
				Map.of("name", name, "price", Map.of("amount", price, "currency", "EUR"), "categoryId", category,
						"brand", brand, "tags", tags, "active", active, "variants",
						List.of(Map.of("sku", "L-" + unique(), "stock", stock)))))
			.get("id")
			.asString();
	}

}
