package com.emporium.product.search;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.TestJwts;
import com.emporium.product.ProductServiceIntegrationTest;
import com.emporium.product.catalog.Criteria;
import com.emporium.product.catalog.Facets;
import com.emporium.product.catalog.ProductFinder;
import com.emporium.product.catalog.ProductSort;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTests extends ProductServiceIntegrationTest {

	static final String SEARCH = "/api/v1/search";

	static final String CLICKS = "/api/v1/search/clicks";

	@Test
	void findsProductsByNameBrandTagsAndDescriptionWithTheNameRankedFirst() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String word = word();
		String inDescription = add(vendor, store, Map.of("name", "Plain box", "description", "Holds a " + word));
		String inName = add(vendor, store, Map.of("name", "The " + word + " chair"));
		String inBrand = add(vendor, store, Map.of("name", "Plain cup", "brand", word));
		String inTags = add(vendor, store, Map.of("name", "Plain mat", "tags", List.of(word, "floor")));
		add(vendor, store, Map.of("name", word + " hidden", "active", false));

		JsonNode results = body(search(Map.of("q", word.toUpperCase())), 200);

		assertThat(UUID.fromString(results.get("searchId").asString())).isNotNull();
		assertThat(results.get("totalItems").asLong()).isEqualTo(4);
		assertThat(results.get("totalPages").asInt()).isOne();
		assertThat(results.get("sort").asString()).isEqualTo("relevance");
		assertThat(results.get("typoTolerant").asBoolean()).isFalse();
		List<String> ids = itemIds(results);
		assertThat(ids.getFirst()).isEqualTo(inName);
		assertThat(ids.subList(1, 3)).containsExactlyInAnyOrder(inBrand, inTags);
		assertThat(ids.getLast()).isEqualTo(inDescription);
		JsonNode first = results.get("items").get(0);
		assertThat(first.get("price").get("amount").decimalValue()).isEqualByComparingTo("40.00");
		assertThat(first.get("inStock").asBoolean()).isTrue();
	}

	@Test
	void stemsWordsAndReadsPhrasesAndExclusions() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String word = word();
		String chairs = add(vendor, store, Map.of("name", word + " dining chairs"));
		String table = add(vendor, store, Map.of("name", word + " dining table"));
		assertThat(itemIds(body(search(Map.of("q", word + " chair")), 200))).containsExactly(chairs);
		assertThat(itemIds(body(search(Map.of("q", "\"" + word + " dining\" -table")), 200))).containsExactly(chairs);
		assertThat(itemIds(body(search(Map.of("q", word + " table or " + word + " chairs")), 200)))
			.containsExactlyInAnyOrder(chairs, table);
	}

	@Test
	void letsSimilarNamesInWhenTheFullTextMatchFindsFew() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String word = word();
		String lamp = add(vendor, store, Map.of("name", word + " lamp"));
		// A letter missing from the middle: dropping the last one can leave the stem unchanged ("...s").
		String typo = word.substring(0, 5) + word.substring(6);
		JsonNode results = body(search(Map.of("q", typo)), 200);
		assertThat(results.get("typoTolerant").asBoolean()).isTrue();
		assertThat(itemIds(results)).containsExactly(lamp);
		assertThat(body(search(Map.of("q", word)), 200).get("typoTolerant").asBoolean()).isFalse();
	}

	@Test
	void filtersLikeTheListAndCountsEachFacetWithTheOtherFilters() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String root = addCategory("Furniture", null);
		String stools = addCategory("Stools", root);
		String word = word();
		String x = "X" + unique();
		String y = "Y" + unique();
		String cheap = add(vendor, store, item(word, "9.99", "EUR", stools, x, 3));
		String mid = add(vendor, store, item(word, "50.00", "EUR", stools, x, 0));
		String dear = add(vendor, store, item(word, "900.00", "EUR", root, y, 1));
		String pound = add(vendor, store, item(word, "25.00", "GBP", null, y, 2));

		JsonNode all = body(search(Map.of("q", word)), 200);
		assertThat(all.get("totalItems").asLong()).isEqualTo(4);
		JsonNode facets = all.get("facets");
		assertThat(categories(facets)).containsEntry(stools, 2L).containsEntry(root, 1L).containsEntry("none", 1L);
		assertThat(brands(facets)).containsEntry(x, 2L).containsEntry(y, 2L);
		assertThat(bands(facets)).containsExactly("0-10:1", "25-50:1", "50-100:1", "500-1000:1");
		assertThat(facets.get("availability").get("inStock").asLong()).isEqualTo(3);
		assertThat(facets.get("availability").get("outOfStock").asLong()).isEqualTo(1);

		JsonNode byBrand = body(search(Map.of("q", word, "brand", x.toLowerCase())), 200);
		assertThat(itemIds(byBrand)).containsExactlyInAnyOrder(cheap, mid);
		assertThat(brands(byBrand.get("facets"))).as("the brand facet ignores the brand filter")
			.containsEntry(x, 2L)
			.containsEntry(y, 2L);
		assertThat(categories(byBrand.get("facets"))).containsExactlyEntriesOf(Map.of(stools, 2L));
		assertThat(byBrand.get("facets").get("availability").get("outOfStock").asLong()).isOne();

		JsonNode byCategory = body(search(Map.of("q", word, "category", root)), 200);
		assertThat(itemIds(byCategory)).as("sub-categories included").containsExactlyInAnyOrder(cheap, mid, dear);
		assertThat(categories(byCategory.get("facets"))).containsEntry("none", 1L);

		JsonNode inStock = body(search(Map.of("q", word, "inStock", "true")), 200);
		assertThat(itemIds(inStock)).containsExactlyInAnyOrder(cheap, dear, pound);
		assertThat(inStock.get("facets").get("availability").get("outOfStock").asLong()).isOne();

		JsonNode priced = body(search(Map.of("q", word, "minPrice", "20", "maxPrice", "100")), 200);
		assertThat(itemIds(priced)).containsExactlyInAnyOrder(mid, pound);
		assertThat(bands(priced.get("facets"))).hasSize(4);

		assertThat(itemIds(body(search(Map.of("q", word, "priceCurrency", "GBP")), 200))).containsExactly(pound);
		assertThat(itemIds(body(search(Map.of("q", word, "store", store, "tags", "oak")), 200))).hasSize(4);
		assertThat(itemIds(body(search(Map.of("q", word, "store", openStore(vendor.token()))), 200))).isEmpty();

		assertThat(itemIds(body(search(Map.of("q", word, "sort", "price_asc")), 200))).containsExactly(cheap, pound,
				mid, dear);
		assertThat(itemIds(body(search(Map.of("q", word, "sort", "price-desc")), 200))).containsExactly(dear, mid,
				pound, cheap);
		assertThat(itemIds(body(search(Map.of("q", word, "sort", "newest")), 200))).containsExactly(pound, dear, mid,
				cheap);
		assertThat(itemIds(body(search(Map.of("q", word, "sort", "rating")), 200))).as("unrated: newest first")
			.containsExactly(pound, dear, mid, cheap);
		this.jdbc.update("UPDATE products SET view_count = 10 WHERE id = ?::uuid", mid);
		this.jdbc.update("UPDATE products SET view_count = 5 WHERE id = ?::uuid", dear);
		assertThat(itemIds(body(search(Map.of("q", word, "sort", "popularity")), 200))).containsExactly(mid, dear,
				pound, cheap);

		JsonNode second = body(search(Map.of("q", word, "sort", "price_asc", "size", "3", "page", "1")), 200);
		assertThat(itemIds(second)).containsExactly(dear);
		assertThat(second.get("totalPages").asInt()).isEqualTo(2);
	}

	@Test
	void ilikeModeIsTheUnindexedBaselineForTheSameSearch() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String word = word();
		String named = add(vendor, store, Map.of("name", "Big " + word + " bowl"));
		String described = add(vendor, store, Map.of("name", "Bowl", "description", "for " + word));
		JsonNode results = body(search(Map.of("q", word, "mode", "ilike")), 200);
		assertThat(itemIds(results)).containsExactly(named, described);
		assertThat(itemIds(body(search(Map.of("q", "50%_" + word, "mode", "ilike")), 200))).isEmpty();
		problem(search(Map.of("q", word, "mode", "regex")), 400, "validation-failed", "mode");
	}

	@Test
	void eachSearchIsRecordedAndPublishedWithItsFirstPage() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String word = word();
		String product = add(vendor, store, Map.of("name", word + " kettle"));
		String session = "s-" + UUID.randomUUID();

		JsonNode results = body(search(Map.of("q", word, "brand", "Woodworks", "inStock", "true"), null,
				Map.of("X-Session-Id", session)), 200);
		String searchId = results.get("searchId").asString();

		JsonNode event = awaitEvent("emporium.product.search-performed.v1", searchId, any -> true);
		assertThat(event.get("type").asString()).isEqualTo("SearchPerformed");
		JsonNode data = event.get("data");
		assertThat(data.get("query").asString()).isEqualTo(word);
		assertThat(data.get("sessionId").asString()).isEqualTo(session);
		assertThat(absent(data, "userId")).isTrue();
		assertThat(data.get("resultCount").asLong()).isOne();
		assertThat(data.get("productIds").get(0).asString()).isEqualTo(product);
		assertThat(data.get("filters").get("brand").asString()).isEqualTo("Woodworks");
		assertThat(data.get("filters").get("inStock").asBoolean()).isTrue();
		assertThat(UUID.fromString(data.get("eventId").asString())).isNotNull();

		UUID user = UUID.randomUUID();
		String signedIn = body(search(Map.of("q", word), TestJwts.token(user.toString(), "CUSTOMER"), Map.of()), 200)
			.get("searchId")
			.asString();
		assertThat(awaitEvent("emporium.product.search-performed.v1", signedIn, any -> true).get("data")
			.get("userId")
			.asString()).isEqualTo(user.toString());
	}

	@Test
	void recordsAClickOnAResultAndPublishesIt() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String word = word();
		String first = add(vendor, store, Map.of("name", word + " teapot"));
		String second = add(vendor, store, Map.of("name", "Teapot", "description", word));
		String session = "s-" + UUID.randomUUID();
		String searchId = body(search(Map.of("q", word), null, Map.of("X-Session-Id", session)), 200).get("searchId")
			.asString();

		send(HttpMethod.POST, CLICKS, null,
				Map.of("searchId", searchId, "productId", second, "position", 2), Map.of("X-Session-Id", session))
			.expectStatus()
			.isNoContent();

		JsonNode event = awaitEvent("emporium.product.search-result-clicked.v1", searchId, any -> true);
		assertThat(event.get("type").asString()).isEqualTo("SearchResultClicked");
		assertThat(event.get("data").get("productId").asString()).isEqualTo(second);
		assertThat(event.get("data").get("position").asInt()).isEqualTo(2);
		assertThat(event.get("data").get("query").asString()).isEqualTo(word);
		assertThat(event.get("data").get("sessionId").asString()).isEqualTo(session);
		assertThat(count("SELECT count(*) FROM search_clicks WHERE search_id = ?::uuid", searchId)).isOne();
		assertThat(first).isNotEqualTo(second);
	}

	@Test
	void aSignedInShoppersSearchTakesClicksFromThemOnly() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String word = word();
		String product = add(vendor, store, Map.of("name", word + " vase"));
		String shopper = TestJwts.token(UUID.randomUUID().toString(), "CUSTOMER");
		String searchId = body(search(Map.of("q", word), shopper, Map.of()), 200).get("searchId").asString();
		Map<String, Object> click = Map.of("searchId", searchId, "productId", product, "position", 1);

		problem(post(CLICKS, CUSTOMER, click), 403, "forbidden", null);
		problem(post(CLICKS, null, click), 403, "forbidden", null);
		assertThat(count("SELECT count(*) FROM search_clicks WHERE search_id = ?::uuid", searchId)).isZero();
		post(CLICKS, shopper, click).expectStatus().isNoContent();
	}

	@Test
	void refusesClicksThatDoNotFitTheSearch() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String word = word();
		String product = add(vendor, store, Map.of("name", word + " mug"));
		String hidden = add(vendor, store, Map.of("name", word + " hidden mug", "active", false));
		String searchId = body(search(Map.of("q", word)), 200).get("searchId").asString();

		problem(post(CLICKS, null, Map.of("searchId", UUID.randomUUID(), "productId", product, "position", 1)), 400,
				"validation-failed", "#/searchId");
		problem(post(CLICKS, null, Map.of("searchId", searchId, "productId", product, "position", 0)), 400,
				"validation-failed", "#/position");
		problem(post(CLICKS, null, Map.of("searchId", searchId, "productId", product, "position", 2)), 400,
				"validation-failed", "#/position");
		problem(post(CLICKS, null, Map.of("searchId", searchId, "productId", product, "position", 10_001)), 400,
				"validation-failed", "#/position");
		problem(post(CLICKS, null, Map.of("searchId", searchId, "productId", UUID.randomUUID(), "position", 1)), 400,
				"validation-failed", "#/productId");
		problem(post(CLICKS, null, Map.of("searchId", searchId, "productId", hidden, "position", 1)), 400,
				"validation-failed", "#/productId");
		problem(post(CLICKS, null, Map.of("searchId", "yesterday", "productId", product, "position", 1)), 400,
				"validation-failed", "#/searchId");
		problem(post(CLICKS, null, Map.of("searchId", searchId, "productId", product, "position", "first")), 400,
				"validation-failed", "#/position");
		problem(post(CLICKS, null, Map.of("productId", product, "position", 1)), 400, "validation-failed",
				"#/searchId");
		problem(post(CLICKS, null, "{"), 400, "malformed-request", null);
		problem(send(HttpMethod.POST, CLICKS, null,
				Map.of("searchId", searchId, "productId", product, "position", 1), Map.of("X-Session-Id", "short")),
				400, "validation-failed", "X-Session-Id");
		this.jdbc.update("UPDATE searches SET searched_at = searched_at - interval '25 hours' WHERE id = ?::uuid",
				searchId);
		problem(post(CLICKS, null, Map.of("searchId", searchId, "productId", product, "position", 1)), 400,
				"validation-failed", "#/searchId");
		assertThat(count("SELECT count(*) FROM search_clicks WHERE search_id = ?::uuid", searchId)).isZero();
	}

	@Test
	void searchesAreForgottenOnceTheirClickWindowHasPassed(@Autowired SearchHousekeeping housekeeping) {
		String word = word();
		String old = body(search(Map.of("q", word)), 200).get("searchId").asString();
		String fresh = body(search(Map.of("q", word)), 200).get("searchId").asString();
		this.jdbc.update("UPDATE searches SET searched_at = searched_at - interval '25 hours' WHERE id = ?::uuid", old);
		housekeeping.purge();
		assertThat(count("SELECT count(*) FROM searches WHERE id = ?::uuid", old)).isZero();
		assertThat(count("SELECT count(*) FROM searches WHERE id = ?::uuid", fresh)).isOne();
	}

	@Test
	void nastyQueriesAreSearchedAsTextOrRefusedNamingQNeverA500() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String word = word();
		String quoted = add(vendor, store, Map.of("name", "Rock'n'roll " + word));
		long searches = count("SELECT count(*) FROM searches");

		List<String> refused = List.of("", "   ", "'", "&|!:*()", "'&|!:*()", "\\", "\\\\'", "\u0000", "a\u0000b",
				word + "\n", "!!!", "<->", "x".repeat(201), "((((((", "--", "%_%");
		for (String q : refused) {
			problem(search(Map.of("q", q)), 400, "validation-failed", "q");
		}
		problem(search(Map.of()), 400, "validation-failed", "q");
		assertThat(count("SELECT count(*) FROM searches")).as("nothing recorded for a refused search")
			.isEqualTo(searches);

		List<String> searched = List.of("'" + word + "'", word + " & | ! : * ( )", word + ":*", "!" + word,
				word + " <-> lamp", "' OR 1=1 --", "'; DROP TABLE products; --", "a\\b", word + "\\", "x".repeat(200),
				"\"unclosed " + word, "-" + word, "or", "the", "rock'n'roll " + word, "Ünïcødé ☃ " + word,
				"%" + word + "%");
		for (String q : searched) {
			RestTestClient.ResponseSpec response = search(Map.of("q", q));
			assertThat(body(response, 200).get("items").isArray()).as(q).isTrue();
		}
		assertThat(itemIds(body(search(Map.of("q", "rock'n'roll " + word)), 200))).containsExactly(quoted);
		assertThat(count("SELECT count(*) FROM products WHERE id = ?::uuid", quoted)).isOne();
	}

	@Test
	void badParametersAreNamed() {
		String q = word();
		problem(search(Map.of("q", q, "size", "10000")), 400, "validation-failed", "size");
		problem(search(Map.of("q", q, "size", "0")), 400, "validation-failed", "size");
		problem(search(Map.of("q", q, "page", "-1")), 400, "validation-failed", "page");
		problem(search(Map.of("q", q, "page", "two")), 400, "validation-failed", "page");
		problem(search(Map.of("q", q, "minPrice", "cheap")), 400, "validation-failed", "minPrice");
		problem(search(Map.of("q", q, "minPrice", "-1")), 400, "validation-failed", "minPrice");
		problem(search(Map.of("q", q, "minPrice", "10", "maxPrice", "5")), 400, "validation-failed", "minPrice");
		problem(search(Map.of("q", q, "maxPrice", "1e999999999")), 400, "validation-failed", "maxPrice");
		problem(search(Map.of("q", q, "inStock", "sometimes")), 400, "validation-failed", "inStock");
		problem(search(Map.of("q", q, "category", "kitchen")), 400, "validation-failed", "category");
		problem(search(Map.of("q", q, "category", UUID.randomUUID().toString())), 400, "validation-failed",
				"category");
		problem(search(Map.of("q", q, "store", UUID.randomUUID().toString())), 400, "validation-failed", "store");
		problem(search(Map.of("q", q, "priceCurrency", "XYZ")), 400, "validation-failed", "priceCurrency");
		problem(search(Map.of("q", q, "currency", "eur")), 400, "validation-failed", "currency");
		problem(search(Map.of("q", q, "sort", "cheapest")), 400, "validation-failed", "sort");
		problem(search(Map.of("q", q, "brand", "b".repeat(101))), 400, "validation-failed", "brand");
		problem(search(Map.of("q", q, "tags", "a,b,c,d,e,f,g,h,i,j,k")), 400, "validation-failed", "tags");
		problem(search(Map.of("q", q), null, Map.of("X-Session-Id", "has spaces in it")), 400, "validation-failed",
				"X-Session-Id");
		problem(search(Map.of("q", q), null, Map.of("X-Session-Id", "x".repeat(65))), 400, "validation-failed",
				"X-Session-Id");
	}

	@Test
	void suggestsNamesBrandsAndNamesWithTypos() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String word = word();
		add(vendor, store, Map.of("name", word + " lamp"));
		add(vendor, store, Map.of("name", word + " lantern"));
		add(vendor, store, Map.of("name", "Desk lamp", "brand", word + "corp"));
		add(vendor, store, Map.of("name", word + " unlisted", "active", false));

		JsonNode prefix = body(get("/api/v1/search/suggestions?q=" + word.toUpperCase(), null), 200);
		assertThat(texts(prefix)).containsExactly(word + " lamp", word + " lantern", word + "corp");
		assertThat(prefix.get("suggestions").get(0).get("kind").asString()).isEqualTo("product");
		assertThat(prefix.get("suggestions").get(2).get("kind").asString()).isEqualTo("brand");
		assertThat(body(get("/api/v1/search/suggestions?limit=1&q=" + word, null), 200).get("suggestions").size())
			.isOne();
		JsonNode typo = body(get("/api/v1/search/suggestions?q=" + word.substring(1), null), 200);
		assertThat(texts(typo)).contains(word + " lamp", word + " lantern");

		problem(get("/api/v1/search/suggestions?q=", null), 400, "validation-failed", "q");
		problem(get("/api/v1/search/suggestions", null), 400, "validation-failed", "q");
		problem(get("/api/v1/search/suggestions?q=" + word + "&limit=21", null), 400, "validation-failed", "limit");
		problem(get("/api/v1/search/suggestions?q=" + word + "&limit=many", null), 400, "validation-failed",
				"limit");
		problem(search("/api/v1/search/suggestions", Map.of("q", "%00\u0000"), null, Map.of()), 400,
				"validation-failed", "q");
	}

	@Test
	void theInStockFilterFollowsEveryStockChange() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String word = word();
		String sku = "IS-" + unique();
		String id = add(vendor, store,
				Map.of("name", word + " rug", "variants", List.of(Map.of("sku", sku, "stock", 2))));
		Map<String, String> inStock = Map.of("q", word, "inStock", "true");
		assertThat(itemIds(body(search(inStock), 200))).containsExactly(id);
		patch("/api/v1/products/" + id + "/stock", vendor.token(), Map.of("variants", List.of(Map.of("sku", sku,
				"stock", 0))))
			.expectStatus()
			.isOk();
		assertThat(itemIds(body(search(inStock), 200))).isEmpty();
		assertThat(itemIds(body(get("/api/v1/products?inStock=true&store=" + store, null), 200))).isEmpty();
		patch("/api/v1/products/" + id + "/stock", vendor.token(), Map.of("variants", List.of(Map.of("sku", sku,
				"stock", 7))))
			.expectStatus()
			.isOk();
		assertThat(itemIds(body(search(inStock), 200))).containsExactly(id);
		patch("/api/v1/products/" + id, vendor.token(),
				Map.of("version", 2, "variants", List.of(Map.of("sku", "OUT-" + unique(), "stock", 0))))
			.expectStatus()
			.isOk();
		assertThat(itemIds(body(search(inStock), 200))).as("the stocked variant was removed").isEmpty();
	}

	@Test
	void aRepeatedSearchReusesItsMatchesUntilTheCatalogChangesButReadsItsProductsFresh() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String word = word();
		String vase = add(vendor, store, Map.of("name", word + " vase"));
		assertThat(itemIds(body(search(Map.of("q", word)), 200))).containsExactly(vase);
		// Renamed behind the service's back (no event): the search's matches are reused, while the
		// product on the page is read as it is now.
		this.jdbc.update("UPDATE products SET name = 'Plain vase' WHERE id = ?::uuid", vase);
		JsonNode cached = body(search(Map.of("q", word)), 200);
		assertThat(itemIds(cached)).containsExactly(vase);
		assertThat(cached.get("items").get(0).get("name").asString()).isEqualTo("Plain vase");
		assertThat(itemIds(body(search(Map.of("q", word, "size", "5")), 200))).as("another search is matched anew")
			.isEmpty();
		// A catalog change through the service ends every cached search.
		String bowl = add(vendor, store, Map.of("name", word + " bowl"));
		assertThat(itemIds(body(search(Map.of("q", word)), 200))).containsExactly(bowl);
	}

	@Test
	void eachFacetIgnoresOnlyItsOwnFilterWhenAllAreSet() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String root = addCategory("Furniture", null);
		String stools = addCategory("Stools", root);
		String word = word();
		String x = "X" + unique();
		String y = "Y" + unique();
		String cheap = add(vendor, store, item(word, "9.99", "EUR", stools, x, 3));
		// Each of these fails exactly one filter, so it counts in that filter's facet only.
		add(vendor, store, item(word, "50.00", "EUR", stools, x, 0));
		add(vendor, store, item(word, "20.00", "EUR", stools, y, 4));
		add(vendor, store, item(word, "30.00", "EUR", null, x, 1));
		add(vendor, store, item(word, "500.00", "EUR", root, x, 2));
		add(vendor, store, item(word, "25.00", "GBP", null, y, 2));

		JsonNode results = body(search(Map.of("q", word, "brand", x, "category", root, "minPrice", "5", "maxPrice",
				"100", "inStock", "true")), 200);

		assertThat(itemIds(results)).containsExactly(cheap);
		assertThat(results.get("totalItems").asLong()).isOne();
		JsonNode facets = results.get("facets");
		assertThat(facets.get("capped").asBoolean()).isFalse();
		assertThat(categories(facets)).containsOnly(Map.entry(stools, 1L), Map.entry("none", 1L));
		assertThat(brands(facets)).containsOnly(Map.entry(x, 1L), Map.entry(y, 1L));
		assertThat(bands(facets)).containsExactly("0-10:1", "500-1000:1");
		assertThat(facets.get("availability").get("inStock").asLong()).isOne();
		assertThat(facets.get("availability").get("outOfStock").asLong()).as("the stock facet ignores inStock")
			.isOne();
	}

	@Test
	void theBrandFacetShowsTheTwentyBrandsWithMostResultsIgnoringCase() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String word = word();
		String top = "Top" + unique();
		add(vendor, store, Map.of("name", word + " one", "brand", top));
		add(vendor, store, Map.of("name", word + " two", "brand", top.toUpperCase()));
		add(vendor, store, Map.of("name", word + " three", "brand", top.toLowerCase()));
		add(vendor, store, Map.of("name", word + " four", "brand", "Second" + word));
		add(vendor, store, Map.of("name", word + " five", "brand", "Second" + word));
		Map<String, Object> withoutBrand = new LinkedHashMap<>();
		withoutBrand.put("name", word + " plain");
		withoutBrand.put("brand", null);
		add(vendor, store, withoutBrand);
		List<String> singles = new ArrayList<>();
		for (char letter = 'a'; letter <= 't'; letter++) {
			singles.add("single" + word + letter);
			add(vendor, store, Map.of("name", word + " " + letter, "brand", "single" + word + letter));
		}

		JsonNode brands = body(search(Map.of("q", word)), 200).get("facets").get("brands");

		assertThat(brands.size()).isEqualTo(20);
		assertThat(brands.get(0).get("brand").asString()).isEqualToIgnoringCase(top);
		assertThat(brands.get(0).get("count").asLong()).isEqualTo(3);
		assertThat(brands.get(1).get("brand").asString()).isEqualTo("Second" + word);
		assertThat(brands.get(1).get("count").asLong()).isEqualTo(2);
		assertThat(brands.valueStream().skip(2).map(brand -> brand.get("brand").asString()).toList())
			.as("ties by name; products without a brand are not a brand")
			.containsExactlyElementsOf(singles.subList(0, 18));
	}

	@Test
	void facetsCountAtMostTheLimitAndSaySoWhileThePageAndTotalStayExact(@Autowired ProductFinder finder) {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String category = addCategory("Lamps", null);
		String word = word();
		String brand = "B" + unique();
		for (int i = 0; i < 5; i++) {
			add(vendor, store, item(word, (i + 1) + "0.00", "EUR", (i % 2 == 0) ? category : null,
					(i < 3) ? brand : "Other" + i, i % 3));
		}
		Criteria none = new Criteria(null, null, null, null, null, false, null, List.of());

		ProductFinder.Matches capped = finder.match(word, none, ProductSort.PRICE_ASC, ProductFinder.Matching.FULL_TEXT,
				PageRequest.of(0, 4), 3);
		assertThat(capped.total()).isEqualTo(5);
		assertThat(capped.ids()).hasSize(4);
		assertThat(finder.summaries(capped.ids()).getFirst().price().amount()).isEqualByComparingTo("10.00");
		Facets facets = capped.facets();
		assertThat(facets.capped()).isTrue();
		assertThat(facets.availability().inStock() + facets.availability().outOfStock()).isEqualTo(3);
		assertThat(facets.categories().stream().mapToLong(Facets.CategoryCount::count).sum()).isEqualTo(3);
		assertThat(facets.brands().stream().mapToLong(Facets.BrandCount::count).sum()).isEqualTo(3);
		assertThat(facets.priceBands().stream().mapToLong(Facets.PriceBand::count).sum()).isEqualTo(3);

		Facets exact = finder.match(word, none, ProductSort.RELEVANCE, ProductFinder.Matching.FULL_TEXT,
				PageRequest.of(0, 4), 5)
			.facets();
		assertThat(exact.capped()).as("as many matches as the limit").isFalse();
		assertThat(exact.availability()).isEqualTo(new Facets.Availability(3, 2));
		assertThat(exact.brands().getFirst()).isEqualTo(new Facets.BrandCount(brand, 3));
		assertThat(exact.categories()).extracting(Facets.CategoryCount::count).containsExactly(3L, 2L);

		Criteria byBrand = new Criteria(null, brand, null, null, null, false, null, List.of());
		ProductFinder.Matches filtered = finder.match(word, byBrand, ProductSort.RELEVANCE,
				ProductFinder.Matching.FULL_TEXT, PageRequest.of(0, 4), 4);
		assertThat(filtered.total()).as("the total counts every match, capped or not").isEqualTo(3);
		assertThat(filtered.facets().capped()).as("the cap counts matches before the facets' own filters")
			.isTrue();
		assertThat(filtered.facets().brands().stream().mapToLong(Facets.BrandCount::count).sum()).isEqualTo(4);

		JsonNode overHttp = body(search(Map.of("q", word)), 200).get("facets");
		assertThat(overHttp.get("capped").asBoolean()).as("the default limit is 10,000").isFalse();
		assertThat(overHttp.get("availability").get("inStock").asLong()).isEqualTo(3);
		get("/v3/api-docs", null).expectBody()
			.jsonPath("$.components.schemas.Facets.properties.capped.description")
			.value(String.class, description -> assertThat(description).contains("estimate"));
	}

	@Test
	void aFacetFilterThatKeepsEveryMatchChangesNeitherThePageNorTheFacets(@Autowired ProductFinder finder) {
		// A facet's own filter changes which matches the other facets count (see
		// eachFacetIgnoresOnlyItsOwnFilterWhenAllAreSet); one that keeps every match changes nothing.
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String lamps = addCategory("Lamps", null);
		String word = word();
		for (int i = 0; i < 7; i++) {
			add(vendor, store, item(word, (i * 40 + 5) + ".00", (i == 6) ? "GBP" : "EUR", (i % 3 == 0) ? null : lamps,
					(i < 4) ? "Brand" + word : "Other" + i, i % 2));
		}
		Criteria none = new Criteria(null, null, null, null, null, false, null, List.of());
		Criteria everyPrice = new Criteria(null, null, BigDecimal.ZERO, new BigDecimal("1000000"), null, false, null,
				List.of());
		for (ProductFinder.Matching matching : List.of(ProductFinder.Matching.FULL_TEXT,
				ProductFinder.Matching.TYPO_TOLERANT, ProductFinder.Matching.ILIKE)) {
			for (ProductSort sort : List.of(ProductSort.RELEVANCE, ProductSort.PRICE_DESC)) {
				ProductFinder.Matches one = finder.match(word, none, sort, matching, PageRequest.of(1, 3), 100);
				ProductFinder.Matches two = finder.match(word, everyPrice, sort, matching, PageRequest.of(1, 3), 100);

				assertThat(one.total()).as(matching + " " + sort).isEqualTo(7);
				assertThat(one.ids()).as("the second page").hasSize(3);
				assertThat(one).as(matching + " " + sort).isEqualTo(two);
				assertThat(one.facets().availability()).isEqualTo(new Facets.Availability(3, 4));
				assertThat(one.facets().brands().getFirst()).isEqualTo(new Facets.BrandCount("Brand" + word, 4));
				assertThat(one.facets().priceBands()).extracting(Facets.PriceBand::count).containsExactly(1L, 1L, 1L, 4L);
			}
		}
		ProductFinder.Matches misspelt = finder.match(word.substring(0, 3) + word.substring(4), none,
				ProductSort.RELEVANCE, ProductFinder.Matching.FULL_TEXT, PageRequest.of(0, 10), 100);
		assertThat(misspelt.typoTolerant()).isTrue();
		assertThat(misspelt.total()).isEqualTo(7);
		assertThat(misspelt.facets().categories()).extracting(Facets.CategoryCount::count).containsExactly(4L, 3L);
	}

	@Test
	void apiDocsDescribeSearchButNotItsBenchmarkMode() {
		get("/v3/api-docs", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/v1/search'].get.parameters[*].name")
			.value(names -> assertThat(names.toString()).contains("q", "category", "brand", "sort", "X-Session-Id")
				.doesNotContain("mode"))
			.jsonPath("$.paths['/api/v1/search'].get.responses['400'].content['application/problem+json']")
			.exists()
			.jsonPath("$.paths['/api/v1/search/suggestions'].get")
			.exists()
			.jsonPath("$.paths['/api/v1/search/clicks'].post.responses['403'].description")
			.value(String.class, description -> assertThat(description).contains("forbidden"));
	}

	@Test
	void moreSearchesAtOnceThanPooledConnectionsAllAnswer() throws Exception {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String word = word();
		add(vendor, store, Map.of("name", word + " lamp"));
		add(vendor, store, Map.of("name", word + " shade"));
		// The pool has 10 connections; a search finds its page and counts its facets at once, on two.
		int searches = 40;
		try (ExecutorService shoppers = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<JsonNode>> results = new ArrayList<>();
			for (int i = 0; i < searches; i++) {
				// Each one new, so that no cached search answers it; "or" adds nothing it matches.
				String q = word + " or zq" + i + "x";
				results.add(shoppers.submit(() -> body(search(Map.of("q", q)), 200)));
			}
			for (Future<JsonNode> result : results) {
				JsonNode found = result.get(60, TimeUnit.SECONDS);
				assertThat(found.get("totalItems").asLong()).isEqualTo(2);
				assertThat(found.get("facets").get("availability").get("inStock").asLong()).isEqualTo(2);
			}
		}
	}

	/** A made-up word, letters only, no other test uses. */
	static String word() {
		return "zq" + ThreadLocalRandom.current()
			.ints(9, 'a', 'z' + 1)
			.mapToObj(letter -> String.valueOf((char) letter))
			.collect(Collectors.joining());
	}

	private String add(Vendor vendor, String store, Map<String, Object> overrides) {
		return createProduct(vendor.token(), product(store, overrides)).get("id").asString();
	}

	private static Map<String, Object> item(String word, String price, String currency, String category,
			String brand, int stock) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("name", word + " " + unique());
		item.put("price", Map.of("amount", price, "currency", currency));
		item.put("categoryId", category);
		item.put("brand", brand);
		item.put("tags", List.of("oak"));
		item.put("variants", List.of(Map.of("sku", "S-" + unique(), "stock", stock)));
		return item;
	}

	private RestTestClient.ResponseSpec search(Map<String, String> parameters) {
		return search(parameters, null, Map.of());
	}

	private RestTestClient.ResponseSpec search(Map<String, String> parameters, String token,
			Map<String, String> headers) {
		return search(SEARCH, parameters, token, headers);
	}

	/** A GET with every parameter value percent-encoded, whatever characters it has. */
	private RestTestClient.ResponseSpec search(String path, Map<String, String> parameters, String token,
			Map<String, String> headers) {
		String query = parameters.entrySet()
			.stream()
			.map(entry -> entry.getKey() + "=" + UriUtils.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		RestTestClient.RequestHeadersSpec<?> request = this.http.get()
			.uri(URI.create("http://localhost:" + this.port + path + (query.isEmpty() ? "" : "?" + query)));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		return request.exchange();
	}

	private static List<String> texts(JsonNode suggestions) {
		return suggestions.get("suggestions").valueStream().map(item -> item.get("text").asString()).toList();
	}

	private static Map<String, Long> categories(JsonNode facets) {
		Map<String, Long> counts = new LinkedHashMap<>();
		facets.get("categories")
			.forEach(entry -> counts.put(absent(entry, "categoryId") ? "none" : entry.get("categoryId").asString(),
					entry.get("count").asLong()));
		return counts;
	}

	private static Map<String, Long> brands(JsonNode facets) {
		Map<String, Long> counts = new LinkedHashMap<>();
		facets.get("brands").forEach(entry -> counts.put(entry.get("brand").asString(), entry.get("count").asLong()));
		return counts;
	}

	private static List<String> bands(JsonNode facets) {
		List<String> bands = new ArrayList<>();
		facets.get("priceBands")
			.forEach(band -> bands.add(band.get("from").asString() + "-"
					+ (absent(band, "to") ? "" : band.get("to").asString()) + ":" + band.get("count").asLong()));
		return bands;
	}

}
