package com.emporium.order.orders;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.order.OrderServiceIntegrationTest;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutTests extends OrderServiceIntegrationTest {

	@Test
	void checkoutTurnsTheCartIntoAPendingOrderWithTaxAndShipping() {
		Customer ada = Customer.create();
		Product stool = product("12.50", "EUR", 10);
		Product lamp = product("30.00", "EUR", 10);
		body(addToCart(ada.token(), null, item(stool, 2)), 200);
		body(addToCart(ada.token(), null, item(lamp, 1)), 200);
		Map<String, Object> request = order("DE", "CARD");
		request.put("notes", "Leave it at the door");
		request.put("recommendation", Map.of("source", "similar-products", "id", "rec-42"));

		var response = checkout(ada.token(), UUID.randomUUID().toString(), request);
		String location = response.returnResult(String.class).getResponseHeaders().getLocation().toString();
		JsonNode order = body(response, 201);
		assertThat(location).isEqualTo("/api/v1/orders/" + order.get("id").asString());
		assertThat(order.get("number").asString()).matches("ORD-\\d{8}-[23456789ABCDEFGHJKMNPQRSTWXYZ]{6}");
		assertThat(order.get("status").asString()).isEqualTo("PENDING");
		assertThat(order.get("currency").asString()).isEqualTo("EUR");
		assertThat(order.get("subtotal").decimalValue()).isEqualByComparingTo("55.00");
		assertThat(order.get("tax").decimalValue()).as("19 % in DE").isEqualByComparingTo("10.45");
		assertThat(order.get("shipping").decimalValue()).as("below the free threshold").isEqualByComparingTo("4.90");
		assertThat(order.get("total").decimalValue()).isEqualByComparingTo("70.35");
		assertThat(order.get("lines")).hasSize(2);
		assertThat(order.get("lines").get(0).get("name").asString()).isEqualTo(stool.name());
		assertThat(order.get("lines").get(0).get("lineTotal").decimalValue()).isEqualByComparingTo("25.00");
		assertThat(order.get("recommendation").get("id").asString()).isEqualTo("rec-42");
		assertThat(order.get("history").get(0).get("to").asString()).isEqualTo("PENDING");

		assertThat(body(get("/api/v1/cart", ada.token()), 200).get("items")).as("the cart is emptied").isEmpty();
		assertThat(body(get(location, ada.token()), 200).get("number").asString())
			.isEqualTo(order.get("number").asString());

		JsonNode placed = awaitEvent("emporium.order.order-placed.v1", order.get("id").asString(), event -> true)
			.get("data");
		assertThat(placed.get("orderNumber").asString()).isEqualTo(order.get("number").asString());
		assertThat(placed.get("customerId").asString()).isEqualTo(ada.id().toString());
		assertThat(placed.get("total").decimalValue()).isEqualByComparingTo("70.35");
		assertThat(placed.get("paymentMethod").asString()).isEqualTo("CARD");
		assertThat(placed.get("lines").get(0).get("sku").asString()).isEqualTo(stool.sku());
		assertThat(placed.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
		assertThat(placed.get("lines").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("12.50");
	}

	@Test
	void shippingIsFreeFromTheThresholdAndOtherCountriesPayTheDefaultRate() {
		Customer ada = Customer.create();
		body(addToCart(ada.token(), null, item(product("12.00", "EUR", 10), 10)), 200);
		JsonNode order = body(checkout(ada.token(), "k-" + unique(), order("FR", "BANK_TRANSFER")), 201);
		assertThat(order.get("tax").decimalValue()).isEqualByComparingTo("12.00");
		assertThat(order.get("shipping").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(order.get("total").decimalValue()).isEqualByComparingTo("132.00");
	}

	@Test
	void theSameKeyAndBodyReturnTheSameOrderAndADifferentBodyIsRefused() {
		Customer ada = Customer.create();
		body(addToCart(ada.token(), null, item(product("10.00", "EUR", 10), 1)), 200);
		String key = "k-" + unique();
		JsonNode first = body(checkout(ada.token(), key, order("DE", "CARD")), 201);

		var again = checkout(ada.token(), key, order("DE", "CARD"));
		assertThat(again.returnResult(String.class).getResponseHeaders().getFirst("Idempotent-Replayed"))
			.isEqualTo("true");
		JsonNode replayed = body(again, 200);
		assertThat(replayed.get("id").asString()).isEqualTo(first.get("id").asString());
		assertThat(replayed.get("total").decimalValue()).isEqualByComparingTo(first.get("total").decimalValue());
		problem(checkout(ada.token(), key, order("DE", "WALLET")), 422, "idempotency-key-reused", null);
		assertThat(count("SELECT count(*) FROM orders WHERE customer_id = ?", ada.id())).isOne();

		// Keys are per customer: another's use of the same key is a checkout of its own (of an empty cart).
		problem(checkout(Customer.create().token(), key, order("DE", "CARD")), 409, "cart-empty", null);
	}

	@Test
	void concurrentRequestsWithOneKeyPlaceOneOrder() throws Exception {
		Customer ada = Customer.create();
		body(addToCart(ada.token(), null, item(product("10.00", "EUR", 10), 1)), 200);
		String key = "k-" + unique();
		var requests = java.util.stream.IntStream.range(0, 4)
			.mapToObj(i -> java.util.concurrent.CompletableFuture
				.supplyAsync(() -> checkout(ada.token(), key, order("DE", "CARD")).returnResult(String.class)))
			.toList();
		java.util.List<Integer> statuses = new java.util.ArrayList<>();
		java.util.Set<String> ids = new java.util.HashSet<>();
		for (var request : requests) {
			var result = request.get(30, java.util.concurrent.TimeUnit.SECONDS);
			statuses.add(result.getStatus().value());
			ids.add(json(result.getResponseBody()).get("id").asString());
		}
		assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 200);
		assertThat(ids).hasSize(1);
		assertThat(count("SELECT count(*) FROM orders WHERE customer_id = ?", ada.id())).isOne();
	}

	@Test
	void aKeyIsForgottenAfter24Hours() {
		Customer ada = Customer.create();
		String key = "k-" + unique();
		this.jdbc.update("INSERT INTO checkout_keys (customer_id, idempotency_key, request_hash, order_id, created_at) "
				+ "VALUES (?, ?, 'another-request', ?, now() - interval '25 hours')", ada.id(), key, UUID.randomUUID());
		body(addToCart(ada.token(), null, item(product("10.00", "EUR", 10), 1)), 200);
		body(checkout(ada.token(), key, order("DE", "CARD")), 201);
	}

	@Test
	void anEmptyCartCannotBeCheckedOutAndKeepsNoKey() {
		Customer ada = Customer.create();
		String key = "k-" + unique();
		problem(checkout(ada.token(), key, order("DE", "CARD")), 409, "cart-empty", null);
		assertThat(count("SELECT count(*) FROM checkout_keys WHERE customer_id = ?", ada.id())).isZero();
		body(addToCart(ada.token(), null, item(product("10.00", "EUR", 10), 1)), 200);
		body(checkout(ada.token(), key, order("DE", "CARD")), 201);
	}

	@Test
	void badCheckoutsAreRefusedNamingTheFieldOrHeader() {
		Customer ada = Customer.create();
		body(addToCart(ada.token(), null, item(product("10.00", "EUR", 10), 1)), 200);
		problem(checkout(ada.token(), null, order("DE", "CARD")), 400, "validation-failed", "Idempotency-Key");
		problem(checkout(ada.token(), "x".repeat(256), order("DE", "CARD")), 400, "validation-failed",
				"Idempotency-Key");
		problem(checkout(ada.token(), "k", order("DE", "CHEQUE")), 400, "validation-failed", "#/paymentMethod");
		problem(checkout(ada.token(), "k", shippingTo("XX")), 400, "validation-failed",
				"#/shippingAddress/country");
		problem(checkout(ada.token(), "k", shippingTo("de")), 400, "validation-failed",
				"#/shippingAddress/country");
		Map<String, Object> noShipping = order("DE", "CARD");
		noShipping.remove("shippingAddress");
		problem(checkout(ada.token(), "k", noShipping), 400, "validation-failed", "#/shippingAddress");
		Map<String, Object> longNotes = order("DE", "CARD");
		longNotes.put("notes", "n".repeat(1001));
		problem(checkout(ada.token(), "k", longNotes), 400, "validation-failed", "#/notes");
		Map<String, Object> noCity = order("DE", "CARD");
		Map<String, Object> address = new HashMap<>(castMap(noCity.get("shippingAddress")));
		address.remove("city");
		noCity.put("shippingAddress", address);
		problem(checkout(ada.token(), "k", noCity), 400, "validation-failed", "#/shippingAddress/city");
		problem(checkout(null, "k", order("DE", "CARD")), 401, "unauthenticated", null);

		assertThat(count("SELECT count(*) FROM orders WHERE customer_id = ?", ada.id())).isZero();
		assertThat(body(get("/api/v1/cart", ada.token()), 200).get("items")).hasSize(1);
	}

	@Test
	void productsNoLongerOnSaleStopTheCheckout() {
		Customer ada = Customer.create();
		Product gone = product("10.00", "EUR", 10);
		body(addToCart(ada.token(), null, item(gone, 1)), 200);
		publish("emporium.product.product-deleted.v1", gone.id().toString(), "ProductDeleted",
				Map.of("productId", gone.id().toString()));
		awaitProduct(gone.id(), found -> found.deleted());

		JsonNode problem = problem(checkout(ada.token(), "k-" + unique(), order("DE", "CARD")), 409,
				"cart-not-orderable", null);
		assertThat(problem.get("skus").get(0).asString()).isEqualTo(gone.sku());
		assertThat(body(get("/api/v1/cart", ada.token()), 200).get("items").get(0).get("unavailable").asBoolean())
			.isTrue();
	}

	@Test
	void anOrderIsSeenByItsCustomerAndStaffOnly() {
		Customer ada = Customer.create();
		String id = placeOrder(ada, "10.00", 1).get("id").asString();
		problem(get("/api/v1/orders/" + id, Customer.create().token()), 404, "not-found", null);
		assertThat(body(get("/api/v1/orders/" + id, MANAGER), 200).get("customerId").asString())
			.isEqualTo(ada.id().toString());
		body(get("/api/v1/orders/" + id, ADMIN), 200);
		problem(get("/api/v1/orders/" + UUID.randomUUID(), ada.token()), 404, "not-found", null);
		problem(get("/api/v1/orders/not-an-id", ada.token()), 400, "validation-failed", "id");
		problem(send(HttpMethod.GET, "/api/v1/orders/" + id, null, null, Map.of()), 401, "unauthenticated", null);
	}

	/** A body whose billing address is fine and whose shipping address is in {@code country}. */
	private static Map<String, Object> shippingTo(String country) {
		Map<String, Object> body = order("DE", "CARD");
		body.put("shippingAddress", order(country, "CARD").get("shippingAddress"));
		return body;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

}
