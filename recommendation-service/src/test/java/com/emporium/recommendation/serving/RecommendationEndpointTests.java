package com.emporium.recommendation.serving;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.TestJwts;
import com.emporium.recommendation.RecommendationIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class RecommendationEndpointTests extends RecommendationIntegrationTest {

	@Autowired
	private ServedLists servedLists;

	/** A served list as attribution reads it (what is still queued is stored first). */
	private ServedList served(String recommendationId) {
		return this.servedLists.find(List.of(recommendationId)).get(recommendationId);
	}


	static final String SESSION = "X-Session-Id";

	@Autowired
	ActiveModel activeModel;

	@Test
	void everyListHasAnIdItsAlgorithmContextAndVersionAndNamedPricedProductsWithReasons() {
		Shop shop = shop();
		long version = trainAndActivate();
		UUID lantern = shop.lanterns().getFirst();
		List<String> paths = List.of("/popular", "/trending", "/new-arrivals", "/categories/" + shop.lanternCategory(),
				"/products/" + lantern + "/similar", "/products/" + lantern + "/frequently-bought-together",
				"/users/me");
		for (String path : paths) {
			JsonNode list = body(get(RECOMMENDATIONS + path, Shopper.token(shop.lanternFans().getFirst())), 200);
			assertThat(UUID.fromString(list.get("recommendationId").asString())).as(path).isNotNull();
			assertThat(list.get("algorithm").asString()).as(path).isNotBlank();
			assertThat(list.get("context").asString()).as(path)
				.isEqualTo(path.startsWith("/products") ? "product_page" : "homepage");
			if (!path.equals("/new-arrivals")) {
				assertThat(list.get("modelVersion").asLong()).as(path).isEqualTo(version);
			}
			assertThat(items(list)).as(path).isNotEmpty().allSatisfy(item -> {
				assertThat(item.get("name").asString()).isNotBlank();
				assertThat(item.get("price").decimalValue()).isEqualByComparingTo("9.90");
				assertThat(item.get("currency").asString()).isEqualTo("EUR");
				assertThat(item.has("score")).isTrue();
				assertThat(item.get("algorithm").asString()).isNotBlank();
				assertThat(item.get("reason").get("code").asString()).isNotBlank();
				assertThat(item.get("reason").get("text").asString()).isNotBlank();
			});
		}
	}

	@Test
	void productListsExplainThemselvesByTheProductAndStayInItsKind() {
		Shop shop = shop();
		trainAndActivate();
		UUID red = shop.lanterns().getFirst();

		JsonNode together = body(get(RECOMMENDATIONS + "/products/" + red + "/frequently-bought-together", null), 200);
		JsonNode first = items(together).getFirst();
		assertThat(UUID.fromString(first.get("productId").asString())).isIn(shop.lanterns().subList(1, 4));
		assertThat(first.get("algorithm").asString()).isEqualTo("bought-together");
		assertThat(first.get("reason").get("code").asString()).isEqualTo("bought-together");
		assertThat(first.get("reason").get("text").asString()).isEqualTo("Bought together with Red garden lantern");
		assertThat(first.get("reason").get("becauseProductId").asString()).isEqualTo(red.toString());
		assertThat(first.get("reason").get("becauseProductName").asString()).isEqualTo("Red garden lantern");

		List<UUID> similar = productIds(body(get(RECOMMENDATIONS + "/products/" + red + "/similar?limit=3", null), 200));
		assertThat(similar).hasSize(3).doesNotContain(red).allMatch(shop.lanterns()::contains);

		List<UUID> mugs = productIds(
				body(get(RECOMMENDATIONS + "/categories/" + shop.mugCategory() + "?limit=50", null), 200));
		assertThat(mugs).containsExactlyInAnyOrderElementsOf(shop.mugs());
	}

	@Test
	void aShopperTheModelDoesNotKnowGetsListsFromWhatTheyLookAt() {
		Shop shop = shop();
		trainAndActivate();
		UUID mug = shop.mugs().getFirst();

		JsonNode onPage = body(get(RECOMMENDATIONS + "/users/me?context=product_page&productId=" + mug + "&limit=3",
				Shopper.create().token()), 200);
		assertThat(onPage.get("context").asString()).isEqualTo("product_page");
		assertThat(productIds(onPage)).hasSize(3).doesNotContain(mug).allMatch(shop.mugs()::contains);

		Shopper carting = Shopper.create();
		this.mongoTemplate.insert(interaction("CART_ADD", carting.id(), shop.lanterns().get(2), Instant.now())
			.append("quantity", 1), "interactions");
		JsonNode inCart = body(get(RECOMMENDATIONS + "/users/me?context=cart&limit=3", carting.token()), 200);
		assertThat(inCart.get("context").asString()).isEqualTo("cart");
		assertThat(productIds(inCart)).hasSize(3).allMatch(shop.lanterns()::contains);

		String session = "session-" + UUID.randomUUID();
		this.mongoTemplate.insert(new Document("_id", UUID.randomUUID()).append("type", "VIEW")
			.append("sessionId", session)
			.append("productId", mug)
			.append("occurredAt", new java.util.Date()), "interactions");
		JsonNode anonymous = body(send(HttpMethod.GET, RECOMMENDATIONS + "/sessions/me?limit=3", null, null,
				Map.of(SESSION, session)), 200);
		List<JsonNode> items = items(anonymous);
		assertThat(productIds(anonymous)).hasSize(3).doesNotContain(mug).allMatch(shop.mugs()::contains);
		assertThat(items.getFirst().get("reason").get("becauseProductId").asString()).isEqualTo(mug.toString());
		assertThat(items.getFirst().get("reason").get("text").asString()).contains("Red enamel mug");
	}

	@Test
	void deletedAndOutOfStockProductsNeverAppear() {
		Shop shop = shop();
		trainAndActivate();
		UUID deleted = shop.lanterns().get(1);
		UUID soldOut = shop.lanterns().get(2);
		assertThat(everyList(shop)).contains(deleted, soldOut);

		deleteProduct(deleted);
		stock(soldOut, 0);
		awaitTrue(() -> !productIds(body(get(RECOMMENDATIONS + "/categories/" + shop.lanternCategory(), null), 200))
			.contains(soldOut));
		awaitTrue(() -> !productIds(body(get(RECOMMENDATIONS + "/categories/" + shop.lanternCategory(), null), 200))
			.contains(deleted));

		assertThat(everyList(shop)).doesNotContain(deleted, soldOut);
		problem(get(RECOMMENDATIONS + "/products/" + deleted + "/similar", null), 404, "not-found", null);
		// Back in stock, back in the lists.
		stock(soldOut, 3);
		awaitTrue(() -> productIds(body(get(RECOMMENDATIONS + "/categories/" + shop.lanternCategory(), null), 200))
			.contains(soldOut));
	}

	@Test
	void withoutAnyModelEveryListComesFromTheCatalogsNewArrivals() {
		UUID newest = product("Fresh install lantern " + UUID.randomUUID());
		this.activeModel.clear();
		try {
			awaitTrue(() -> productIds(body(get(RECOMMENDATIONS + "/popular", null), 200)).contains(newest));
			for (String path : List.of("/popular", "/trending", "/users/me", "/users/me?context=cart",
					"/products/" + newest + "/similar", "/products/" + newest + "/frequently-bought-together")) {
				JsonNode list = body(get(RECOMMENDATIONS + path, Shopper.create().token()), 200);
				assertThat(list.get("modelVersion").isNull()).as(path).isTrue();
				assertThat(list.get("algorithm").asString()).as(path).isEqualTo("new-arrivals");
				assertThat(items(list)).as(path).isNotEmpty().allSatisfy(item -> {
					assertThat(item.get("reason").get("code").asString()).isEqualTo("new-arrival");
					assertThat(item.get("reason").get("text").asString()).isEqualTo("New in the shop");
				});
			}
			assertThat(productIds(body(get(RECOMMENDATIONS + "/popular", null), 200))).first().isEqualTo(newest);
			assertThat(productIds(body(get(RECOMMENDATIONS + "/products/" + newest + "/similar", null), 200)))
				.doesNotContain(newest);
		}
		finally {
			this.activeModel.reload();
		}
	}

	@Test
	void aReplicaStartingWhileTheActiveVersionsBytesAreCorruptServesTheCatalogsFallbacks() {
		Shop shop = shop();
		long corrupt = trainAndActivate();
		ObjectId file = this.mongoTemplate.findById(corrupt, Document.class, "model_versions").getObjectId("fileId");
		this.mongoTemplate.getCollection("models.chunks")
			.updateMany(new Document("files_id", file),
					new Document("$set", new Document("data", new Binary(new byte[] { 1, 2, 3 }))));
		try {
			// As at start-up: nothing in memory, the pointer names the corrupt version.
			this.activeModel.clear();
			this.activeModel.reload();

			JsonNode list = body(get(RECOMMENDATIONS + "/users/me", Shopper.token(shop.lanternFans().getFirst())),
					200);
			assertThat(list.get("modelVersion").isNull()).isTrue();
			assertThat(items(list)).isNotEmpty()
				.allSatisfy(item -> assertThat(item.get("reason").get("code").asString()).isEqualTo("new-arrival"));
		}
		finally {
			// A new version is activated and served again.
			long next = trainAndActivate();
			assertThat(body(get(RECOMMENDATIONS + "/popular", null), 200).get("modelVersion").asLong()).isEqualTo(next);
		}
	}

	@Test
	void aProductTheModelDoesNotKnowYetGetsPopularProductsOfItsCategory() {
		Shop shop = shop();
		trainAndActivate();
		UUID newLantern = product("Brand new lantern", shop.lanternCategory());

		JsonNode similar = body(get(RECOMMENDATIONS + "/products/" + newLantern + "/similar?limit=4", null), 200);
		assertThat(productIds(similar)).containsExactlyInAnyOrderElementsOf(shop.lanterns());
		assertThat(items(similar)).allSatisfy(item -> {
			assertThat(item.get("reason").get("code").asString()).isEqualTo("popular-in-category");
			assertThat(item.get("reason").get("text").asString()).isEqualTo("Popular in this category");
		});
		assertThat(productIds(
				body(get(RECOMMENDATIONS + "/products/" + newLantern + "/frequently-bought-together?limit=4", null),
						200)))
			.containsExactlyInAnyOrderElementsOf(shop.lanterns());
	}

	@Test
	void everyServedListIsRememberedWithWhoAskedAndWhatChoseEachProduct() {
		Shop shop = shop();
		long version = trainAndActivate();
		UUID fan = shop.mugFans().getFirst();
		String session = "remember-" + UUID.randomUUID();

		JsonNode list = body(send(HttpMethod.GET, RECOMMENDATIONS + "/users/me?context=checkout", Shopper.token(fan),
				null, Map.of(SESSION, session)), 200);

		ServedList served = served(list.get("recommendationId").asString());
		assertThat(served).isNotNull();
		assertThat(served.userId()).isEqualTo(fan);
		assertThat(served.context()).isEqualTo("checkout");
		assertThat(served.variant()).isEqualTo("A");
		assertThat(served.modelVersion()).isEqualTo(version);
		assertThat(served.algorithm()).isEqualTo(list.get("algorithm").asString());
		assertThat(served.items()).extracting(item -> item.productId().toString())
			.containsExactlyElementsOf(items(list).stream().map(item -> item.get("productId").asString()).toList());
		assertThat(served.items()).extracting(ServedList.ServedItem::algorithm)
			.containsExactlyElementsOf(items(list).stream().map(item -> item.get("algorithm").asString()).toList());

		// Erasing their history forgets whom the list was served to.
		delete("/api/v1/interactions/me", Shopper.token(fan)).expectStatus().isNoContent();
		assertThat(served(list.get("recommendationId").asString())).isNull();
	}

	@Test
	void swappingTheActiveVersionNeverFailsARequest() throws Exception {
		Shop shop = shop();
		long first = trainAndActivate();
		long second = trainAndActivate();
		List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
		try (ExecutorService shoppers = Executors.newFixedThreadPool(4)) {
			List<Future<?>> running = new ArrayList<>();
			for (int thread = 0; thread < 4; thread++) {
				String token = Shopper.token(shop.lanternFans().get(thread));
				running.add(shoppers.submit(() -> {
					for (int request = 0; request < 30; request++) {
						statuses.add(get(RECOMMENDATIONS + "/users/me", token).returnResult(String.class).getStatus()
							.value());
					}
				}));
			}
			for (int swap = 0; swap < 6; swap++) {
				long version = (swap % 2 == 0) ? first : second;
				body(send(HttpMethod.POST, MODELS + "/" + version + "/activation", ADMIN, null, Map.of()), 200);
			}
			for (Future<?> thread : running) {
				thread.get();
			}
		}
		assertThat(statuses).hasSize(120).containsOnly(200);
	}

	@Test
	void theShoppersOwnListNeedsATokenThatNamesAUser() {
		problem(get(RECOMMENDATIONS + "/users/me", null), 401, "unauthenticated", null);
		problem(get(RECOMMENDATIONS + "/users/me", TestJwts.tokenSignedByAnotherKey(UUID.randomUUID().toString(),
				"CUSTOMER")), 401, "unauthenticated", null);
		problem(get(RECOMMENDATIONS + "/users/me", TestJwts.token("service-account", "CUSTOMER")), 403, "forbidden",
				null);
		// Public lists refuse a forged token too, rather than ignoring it.
		problem(get(RECOMMENDATIONS + "/popular", TestJwts.tokenSignedByAnotherKey(UUID.randomUUID().toString(),
				"CUSTOMER")), 401, "unauthenticated", null);
		body(get(RECOMMENDATIONS + "/popular", null), 200);
	}

	@Test
	void badParametersAreProblemsNamingThem() {
		UUID product = product("Parameter target " + UUID.randomUUID());
		String token = Shopper.create().token();
		List<String> lists = List.of("/popular", "/trending", "/users/me", "/categories/" + UUID.randomUUID(),
				"/products/" + product + "/similar", "/products/" + product + "/frequently-bought-together");
		for (String path : lists) {
			for (String limit : List.of("0", "-1", "51", "10000", "many")) {
				problem(get(RECOMMENDATIONS + path + "?limit=" + limit, token), 400, "validation-failed", "limit");
			}
			JsonNode context = problem(get(RECOMMENDATIONS + path + "?context=garden", token), 400,
					"validation-failed", "context");
			assertThat(context.get("detail").asString()).contains("homepage, product_page, cart, checkout");
		}
		problem(get(RECOMMENDATIONS + "/new-arrivals?limit=101", null), 400, "validation-failed", "limit");
		problem(get(RECOMMENDATIONS + "/new-arrivals?limit=0", null), 400, "validation-failed", "limit");
		problem(get(RECOMMENDATIONS + "/products/lantern/similar", null), 400, "validation-failed", "productId");
		problem(get(RECOMMENDATIONS + "/products/42/frequently-bought-together", null), 400, "validation-failed",
				"productId");
		problem(get(RECOMMENDATIONS + "/categories/garden", null), 400, "validation-failed", "categoryId");
		problem(get(RECOMMENDATIONS + "/users/me?productId=red", token), 400, "validation-failed", "productId");
		problem(get(RECOMMENDATIONS + "/users/me?context=product_page", token), 400, "validation-failed", "productId");
		UUID unknown = UUID.randomUUID();
		JsonNode missing = problem(get(RECOMMENDATIONS + "/products/" + unknown + "/similar", null), 404, "not-found",
				null);
		assertThat(missing.get("id").asString()).isEqualTo(unknown.toString());
		problem(get(RECOMMENDATIONS + "/products/" + unknown + "/frequently-bought-together", null), 404, "not-found",
				null);
		problem(get(RECOMMENDATIONS + "/users/me?context=product_page&productId=" + unknown, token), 404, "not-found",
				null);
		problem(get(RECOMMENDATIONS + "/sessions/me", null), 400, "validation-failed", SESSION);
		problem(send(HttpMethod.GET, RECOMMENDATIONS + "/sessions/me", null, null, Map.of(SESSION, "x")), 400,
				"validation-failed", SESSION);
		problem(send(HttpMethod.GET, RECOMMENDATIONS + "/popular", null, null, Map.of(SESSION, "bad session!")), 400,
				"validation-failed", SESSION);
		problem(send(HttpMethod.GET, RECOMMENDATIONS + "/sessions/me?limit=0", null, null,
				Map.of(SESSION, "fine-session-1")), 400, "validation-failed", "limit");
	}

	@Test
	void aCategoryWithoutProductsIsAnEmptyList() {
		JsonNode list = body(get(RECOMMENDATIONS + "/categories/" + UUID.randomUUID(), null), 200);
		assertThat(items(list)).isEmpty();
		assertThat(list.get("recommendationId").asString()).isNotBlank();
	}

	@Test
	void theApiDocumentDescribesTheListsAndTheirProblems() {
		JsonNode paths = body(get("/v3/api-docs", null), 200).get("paths");
		for (String path : List.of("/users/me", "/sessions/me", "/products/{productId}/similar",
				"/products/{productId}/frequently-bought-together", "/popular", "/trending", "/new-arrivals",
				"/categories/{categoryId}")) {
			JsonNode responses = paths.get(RECOMMENDATIONS + path).get("get").get("responses");
			assertThat(responses.has("200")).as(path).isTrue();
			assertThat(responses.get("400").get("content").has("application/problem+json")).as(path).isTrue();
		}
		assertThat(paths.get(RECOMMENDATIONS + "/users/me").get("get").get("responses").has("401")).isTrue();
		assertThat(paths.get(RECOMMENDATIONS + "/products/{productId}/similar").get("get").get("responses").has("404"))
			.isTrue();
	}

	/** Every product of every list a lantern fan, a mug fan or anyone may see. */
	private Set<UUID> everyList(Shop shop) {
		List<String> paths = new ArrayList<>(List.of("/popular?limit=50", "/trending?limit=50",
				"/new-arrivals?limit=100", "/categories/" + shop.lanternCategory() + "?limit=50"));
		for (UUID lantern : shop.lanterns()) {
			paths.add("/products/" + lantern + "/similar?limit=50");
			paths.add("/products/" + lantern + "/frequently-bought-together?limit=50");
			paths.add("/users/me?context=product_page&limit=50&productId=" + lantern);
		}
		return Stream.concat(shop.lanternFans().stream(), shop.mugFans().stream().limit(2))
			.flatMap(fan -> paths.stream()
				// The deleted one's own lists are 404s (asserted apart).
				.filter(path -> !path.contains(shop.lanterns().get(1).toString()))
				.map(path -> get(RECOMMENDATIONS + path, Shopper.token(fan))))
			.flatMap(response -> productIds(body(response, 200)).stream())
			.collect(java.util.stream.Collectors.toSet());
	}

	private static List<UUID> productIds(JsonNode list) {
		return items(list).stream().map(item -> UUID.fromString(item.get("productId").asString())).toList();
	}

}
