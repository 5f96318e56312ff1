package com.emporium.order.cart;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.order.OrderServiceIntegrationTest;
import com.emporium.platform.test.TestJwts;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class CartTests extends OrderServiceIntegrationTest {

	@Test
	void aGuestsFirstAddReturnsACartTokenThatReadsTheCartBack() {
		Product stool = product("12.50", "EUR", 7);
		var response = addToCart(null, null, item(stool, 2));
		String header = response.returnResult(String.class).getResponseHeaders().getFirst("X-Cart-Token");
		JsonNode added = body(response, 200);
		assertThat(header).isNotBlank().isEqualTo(added.get("cartToken").asString());

		JsonNode cart = body(cart(null, header), 200);
		assertThat(cart.get("cartToken").isNull()).isTrue();
		assertThat(cart.get("currency").asString()).isEqualTo("EUR");
		assertThat(cart.get("itemCount").asInt()).isEqualTo(2);
		assertThat(cart.get("subtotal").decimalValue()).isEqualByComparingTo("25.00");
		JsonNode line = cart.get("items").get(0);
		assertThat(line.get("name").asString()).isEqualTo(stool.name());
		assertThat(line.get("sku").asString()).isEqualTo(stool.sku());
		assertThat(line.get("unitPrice").decimalValue()).isEqualByComparingTo("12.50");
		assertThat(line.get("lineTotal").decimalValue()).isEqualByComparingTo("25.00");
		assertThat(line.get("priceChanged").asBoolean()).isFalse();
		assertThat(line.get("outOfStock").asBoolean()).isFalse();
		assertThat(line.get("recommendation").isNull()).as("added without one").isTrue();
		assertThat(count("SELECT count(*) FROM carts WHERE token_hash = ?", header)).as("only a hash is stored")
			.isZero();
	}

	@Test
	void addingAnItemTwiceAddsUpToTheLimitAndNoFurther() {
		Product stool = product("10.00", "EUR", 50);
		String token = body(addToCart(null, null, item(stool, 6)), 200).get("cartToken").asString();
		body(addToCart(null, token, Map.of("productId", stool.id().toString(), "quantity", 4)), 200);

		problem(addToCart(null, token, item(stool, 1)), 400, "validation-failed", "#/quantity");
		JsonNode cart = body(cart(null, token), 200);
		assertThat(cart.get("items")).hasSize(1);
		assertThat(cart.get("items").get(0).get("quantity").asInt()).isEqualTo(10);
	}

	@Test
	void badItemsAreRefusedNamingTheFieldAndCreateNoCart() {
		Product stool = product("10.00", "EUR", 5);
		long carts = count("SELECT count(*) FROM carts");
		problem(addToCart(null, null, item(stool, 0)), 400, "validation-failed", "#/quantity");
		problem(addToCart(null, null, item(stool, 11)), 400, "validation-failed", "#/quantity");
		problem(addToCart(null, null, Map.of("productId", stool.id().toString(), "quantity", "many")), 400,
				"validation-failed", "#/quantity");
		problem(addToCart(null, null, Map.of("quantity", 1)), 400, "validation-failed", "#/productId");
		problem(addToCart(null, null, Map.of("productId", UUID.randomUUID().toString(), "quantity", 1)), 400,
				"validation-failed", "#/productId");
		problem(addToCart(null, null, Map.of("productId", stool.id().toString(), "sku", "NOPE", "quantity", 1)), 400,
				"validation-failed", "#/sku");
		problem(addToCart(null, null, "{\"productId\":"), 400, "malformed-request", null);
		assertThat(count("SELECT count(*) FROM carts")).isEqualTo(carts);
	}

	@Test
	void aProductWithSeveralVariantsNeedsTheSku() {
		Product shirt = product("20.00", "EUR", 3);
		stock(shirt, "SHIRT-L-" + unique(), 4);
		awaitProduct(shirt.id(), found -> found.stock().size() == 2);
		problem(addToCart(null, null, Map.of("productId", shirt.id().toString(), "quantity", 1)), 400,
				"validation-failed", "#/sku");
		body(addToCart(null, null, Map.of("productId", shirt.id().toString(), "sku", shirt.sku().toLowerCase(),
				"quantity", 1)), 200);
	}

	@Test
	void deletedOrUnlistedProductsCannotBeAdded() {
		Product gone = product("10.00", "EUR", 5);
		publish("emporium.product.product-deleted.v1", gone.id().toString(), "ProductDeleted",
				Map.of("productId", gone.id().toString()));
		awaitProduct(gone.id(), found -> found.deleted());
		problem(addToCart(null, null, item(gone, 1)), 400, "validation-failed", "#/productId");
	}

	@Test
	void aCartHoldsOneCurrency() {
		Product euro = product("10.00", "EUR", 5);
		Product pound = product("10.00", "GBP", 5);
		String token = body(addToCart(null, null, item(euro, 1)), 200).get("cartToken").asString();
		problem(addToCart(null, token, item(pound, 1)), 409, "currency-mismatch", null);
		assertThat(body(cart(null, token), 200).get("items")).hasSize(1);
	}

	@Test
	void aCartHoldsAtMostTheLineLimit() {
		String token = body(addToCart(null, null, item(product("1.00", "EUR", 5), 1)), 200).get("cartToken")
			.asString();
		body(addToCart(null, token, item(product("1.00", "EUR", 5), 1)), 200);
		body(addToCart(null, token, item(product("1.00", "EUR", 5), 1)), 200);
		problem(addToCart(null, token, item(product("1.00", "EUR", 5), 1)), 409, "cart-full", null);
	}

	@Test
	void theCartShowsPriceChangesAndMissingStock() {
		Product stool = product("10.00", "EUR", 5);
		Product lamp = product("30.00", "EUR", 5);
		String token = body(addToCart(null, null, item(stool, 2)), 200).get("cartToken").asString();
		body(addToCart(null, token, item(lamp, 3)), 200);
		publish("emporium.product.product-updated.v1", stool.id().toString(), "ProductUpdated",
				Map.of("productId", stool.id().toString(), "name", stool.name(), "priceAmount", "8.00",
						"priceCurrency", "EUR", "active", true, "version", 1));
		stock(stool, stool.sku(), 0);
		stock(lamp, lamp.sku(), 2);
		awaitProduct(lamp.id(), found -> found.available(lamp.sku()) == 2);
		awaitProduct(stool.id(), found -> found.available(stool.sku()) == 0);

		JsonNode items = body(cart(null, token), 200).get("items");
		assertThat(items.get(0).get("priceChanged").asBoolean()).isTrue();
		assertThat(items.get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("8.00");
		assertThat(items.get(0).get("priceWhenAdded").decimalValue()).isEqualByComparingTo("10.00");
		assertThat(items.get(0).get("outOfStock").asBoolean()).isTrue();
		assertThat(items.get(1).get("insufficientStock").asBoolean()).isTrue();
		assertThat(items.get(1).get("outOfStock").asBoolean()).isFalse();
	}

	@Test
	void quantitiesChangeAndItemsGo() {
		Product stool = product("10.00", "EUR", 5);
		Product lamp = product("30.00", "EUR", 5);
		String token = body(addToCart(null, null, item(stool, 2)), 200).get("cartToken").asString();
		JsonNode cart = body(addToCart(null, token, item(lamp, 1)), 200);
		String stoolItem = cart.get("items").get(0).get("id").asString();
		String lampItem = cart.get("items").get(1).get("id").asString();

		cart = body(send(HttpMethod.PATCH, "/api/v1/cart/items/" + stoolItem, null, Map.of("quantity", 5),
				Map.of("X-Cart-Token", token)), 200);
		assertThat(cart.get("subtotal").decimalValue()).isEqualByComparingTo("80.00");
		problem(send(HttpMethod.PATCH, "/api/v1/cart/items/" + stoolItem, null, Map.of("quantity", 11),
				Map.of("X-Cart-Token", token)), 400, "validation-failed", "#/quantity");
		problem(send(HttpMethod.PATCH, "/api/v1/cart/items/" + UUID.randomUUID(), null, Map.of("quantity", 1),
				Map.of("X-Cart-Token", token)), 404, "not-found", null);
		problem(send(HttpMethod.PATCH, "/api/v1/cart/items/nope", null, Map.of("quantity", 1),
				Map.of("X-Cart-Token", token)), 400, "validation-failed", "itemId");

		cart = body(send(HttpMethod.DELETE, "/api/v1/cart/items/" + lampItem, null, null,
				Map.of("X-Cart-Token", token)), 200);
		assertThat(cart.get("items")).hasSize(1);
		send(HttpMethod.DELETE, "/api/v1/cart", null, null, Map.of("X-Cart-Token", token)).expectStatus()
			.isNoContent();
		cart = body(cart(null, token), 200);
		assertThat(cart.get("items")).isEmpty();
		assertThat(cart.get("currency").isNull()).isTrue();
	}

	@Test
	void anotherGuestsItemOrAnUnknownTokenIsNotFound() {
		Product stool = product("10.00", "EUR", 5);
		String mine = body(addToCart(null, null, item(stool, 1)), 200).get("cartToken").asString();
		JsonNode theirs = body(addToCart(null, null, item(stool, 1)), 200);
		String theirItem = theirs.get("items").get(0).get("id").asString();

		problem(send(HttpMethod.DELETE, "/api/v1/cart/items/" + theirItem, null, null, Map.of("X-Cart-Token", mine)),
				404, "not-found", null);
		problem(cart(null, "made-up-token"), 404, "cart-not-found", null);
		problem(addToCart(null, "made-up-token", item(stool, 1)), 404, "cart-not-found", null);
		assertThat(body(cart(null, theirs.get("cartToken").asString()), 200).get("items")).hasSize(1);
		problem(cart(TestJwts.expiredToken(UUID.randomUUID().toString(), "CUSTOMER"), null), 401, "unauthenticated",
				null);
	}

	@Test
	void aGuestCartMergesIntoTheUsersCartAtSignIn() {
		Product stool = product("10.00", "EUR", 50);
		Product lamp = product("30.00", "EUR", 50);
		Customer ada = Customer.create();
		body(addToCart(ada.token(), null, item(stool, 9)), 200);
		String guest = body(addToCart(null, null, item(stool, 3)), 200).get("cartToken").asString();
		body(addToCart(null, guest, item(lamp, 2)), 200);

		JsonNode merged = body(cart(ada.token(), guest), 200);
		assertThat(merged.get("items")).hasSize(2);
		assertThat(merged.get("items").get(0).get("quantity").asInt()).as("capped by the limit").isEqualTo(10);
		assertThat(merged.get("items").get(1).get("quantity").asInt()).isEqualTo(2);

		// The guest cart is retired: its token works no more, except harmlessly for the same user.
		problem(cart(null, guest), 404, "cart-not-found", null);
		problem(cart(Customer.create().token(), guest), 404, "cart-not-found", null);
		assertThat(body(cart(ada.token(), guest), 200).get("itemCount").asInt()).isEqualTo(12);
		assertThat(body(cart(ada.token(), null), 200).get("itemCount").asInt()).isEqualTo(12);
	}

	@Test
	void usersSeeOnlyTheirOwnCart() {
		Product stool = product("10.00", "EUR", 5);
		Customer ada = Customer.create();
		JsonNode cart = body(addToCart(ada.token(), null, item(stool, 1)), 200);
		assertThat(cart.get("cartToken").isNull()).as("users need no cart token").isTrue();
		String adaItem = cart.get("items").get(0).get("id").asString();
		Customer bob = Customer.create();
		assertThat(body(cart(bob.token(), null), 200).get("items")).isEmpty();
		problem(send(HttpMethod.DELETE, "/api/v1/cart/items/" + adaItem, bob.token(), null, Map.of()), 404,
				"not-found", null);
		assertThat(body(cart(ada.token(), null), 200).get("items")).hasSize(1);
	}

	@Test
	void addsAndRemovalsArePublishedForRecommendations() {
		Product stool = product("10.00", "EUR", 5);
		Customer ada = Customer.create();
		JsonNode cart = body(addToCart(ada.token(), null, item(stool, 2)), 200);
		String cartId = cart.get("id").asString();
		send(HttpMethod.DELETE, "/api/v1/cart", ada.token(), null, Map.of()).expectStatus().isNoContent();

		JsonNode added = awaitEvent("emporium.order.cart-item-added.v1", cartId,
				event -> stool.id().toString().equals(event.get("data").get("productId").asString()));
		assertThat(added.get("type").asString()).isEqualTo("CartItemAdded");
		assertThat(added.get("data").get("userId").asString()).isEqualTo(ada.id().toString());
		assertThat(added.get("data").get("quantity").asInt()).isEqualTo(2);
		assertThat(added.get("data").get("recommendationId").isNull()).as("added without a recommendation").isTrue();
		assertThat(added.get("data").get("recommendationSource").isNull()).isTrue();
		JsonNode removed = awaitEvent("emporium.order.cart-item-removed.v1", cartId, event -> true);
		assertThat(removed.get("data").get("sku").asString()).isEqualTo(stool.sku());
		assertThat(removed.get("data").get("quantity").asInt()).isEqualTo(2);
	}

	@Test
	void anAddFromARecommendationKeepsItOnTheLineAndPublishesIt() {
		Product stool = product("10.00", "EUR", 20);
		Customer ada = Customer.create();
		String first = "rec-" + unique();
		String second = "rec-" + unique();
		JsonNode cart = body(addToCart(ada.token(), null, recommended(stool, 1, "co-purchase", first)), 200);
		String cartId = cart.get("id").asString();
		assertThat(cart.get("items").get(0).get("recommendation").get("id").asString()).isEqualTo(first);
		assertThat(cart.get("items").get(0).get("recommendation").get("source").asString()).isEqualTo("co-purchase");

		// Later adds of the same product, with another recommendation or none, leave the first on the line.
		body(addToCart(ada.token(), null, recommended(stool, 2, "personalised", second)), 200);
		body(addToCart(ada.token(), null, item(stool, 1)), 200);
		JsonNode line = body(cart(ada.token(), null), 200).get("items").get(0);
		assertThat(line.get("quantity").asInt()).isEqualTo(4);
		assertThat(line.get("recommendation").get("id").asString()).isEqualTo(first);
		assertThat(line.get("recommendation").get("source").asString()).isEqualTo("co-purchase");

		// Each add's event carries the recommendation that add was sent with.
		JsonNode firstAdd = awaitEvent("emporium.order.cart-item-added.v1", cartId,
				event -> first.equals(event.get("data").path("recommendationId").asString(null))).get("data");
		assertThat(firstAdd.get("recommendationSource").asString()).isEqualTo("co-purchase");
		assertThat(firstAdd.get("productId").asString()).isEqualTo(stool.id().toString());
		assertThat(firstAdd.get("userId").asString()).isEqualTo(ada.id().toString());
		assertThat(firstAdd.get("quantity").asInt()).isEqualTo(1);
		JsonNode secondAdd = awaitEvent("emporium.order.cart-item-added.v1", cartId,
				event -> second.equals(event.get("data").path("recommendationId").asString(null))).get("data");
		assertThat(secondAdd.get("recommendationSource").asString()).isEqualTo("personalised");
		assertThat(secondAdd.get("quantity").asInt()).isEqualTo(2);
		JsonNode plainAdd = awaitEvent("emporium.order.cart-item-added.v1", cartId,
				event -> event.get("data").path("recommendationId").isNull()).get("data");
		assertThat(plainAdd.get("recommendationSource").isNull()).isTrue();
		assertThat(plainAdd.get("quantity").asInt()).isEqualTo(1);
	}

	@Test
	void aLineWithoutARecommendationTakesTheFirstOneSentAndAMergeKeepsTheGuestsOne() {
		Product stool = product("10.00", "EUR", 20);
		Product lamp = product("30.00", "EUR", 20);
		Customer ada = Customer.create();
		body(addToCart(ada.token(), null, item(stool, 1)), 200);
		body(addToCart(ada.token(), null, recommended(stool, 1, "trending", "rec-stool")), 200);
		String guest = body(addToCart(null, null, recommended(lamp, 1, "similar-to", "rec-lamp")), 200)
			.get("cartToken")
			.asString();

		JsonNode items = body(cart(ada.token(), guest), 200).get("items");
		assertThat(items).hasSize(2);
		assertThat(items.get(0).get("recommendation").get("id").asString()).isEqualTo("rec-stool");
		assertThat(items.get(1).get("productId").asString()).isEqualTo(lamp.id().toString());
		assertThat(items.get(1).get("recommendation").get("id").asString()).as("carried over by the merge")
			.isEqualTo("rec-lamp");
		assertThat(items.get(1).get("recommendation").get("source").asString()).isEqualTo("similar-to");
	}

	@Test
	void badRecommendationsAreRefusedNamingTheFieldAndAddNothing() {
		Product stool = product("10.00", "EUR", 5);
		long carts = count("SELECT count(*) FROM carts");
		problem(addToCart(null, null, recommended(stool, 1, "co-purchase", "")), 400, "validation-failed",
				"#/recommendation/id");
		problem(addToCart(null, null, recommended(stool, 1, " ", "rec-1")), 400, "validation-failed",
				"#/recommendation/source");
		problem(addToCart(null, null, recommended(stool, 1, "co-purchase", "r".repeat(101))), 400,
				"validation-failed", "#/recommendation/id");
		problem(addToCart(null, null, recommended(stool, 1, "s".repeat(51), "rec-1")), 400, "validation-failed",
				"#/recommendation/source");
		Map<String, Object> withoutId = new LinkedHashMap<>(item(stool, 1));
		withoutId.put("recommendation", Map.of("source", "co-purchase"));
		JsonNode missing = problem(addToCart(null, null, withoutId), 400, "validation-failed", "#/recommendation/id");
		assertThat(missing.get("errors").get(0).get("detail").asString()).isNotBlank();
		Map<String, Object> notAnObject = new LinkedHashMap<>(item(stool, 1));
		notAnObject.put("recommendation", "rec-1");
		problem(addToCart(null, null, notAnObject), 400, "validation-failed", "#/recommendation");
		assertThat(count("SELECT count(*) FROM carts")).isEqualTo(carts);
	}

	/** An item as {@link #item}, sent with the recommendation that led to it. */
	private static Map<String, Object> recommended(Product product, int quantity, String source, String id) {
		Map<String, Object> body = new LinkedHashMap<>(item(product, quantity));
		body.put("recommendation", Map.of("source", source, "id", id));
		return body;
	}

	private org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec cart(String bearer,
			String cartToken) {
		return send(HttpMethod.GET, "/api/v1/cart", bearer, null,
				(cartToken != null) ? Map.of("X-Cart-Token", cartToken) : Map.of());
	}

}
