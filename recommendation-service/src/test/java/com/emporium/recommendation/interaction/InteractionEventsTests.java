package com.emporium.recommendation.interaction;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.KafkaTopics;
import com.emporium.recommendation.RecommendationIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

import static org.assertj.core.api.Assertions.assertThat;

class InteractionEventsTests extends RecommendationIntegrationTest {

	static final String VIEWED = "emporium.product.product-viewed.v1";

	static final String CLICKED = "emporium.product.search-result-clicked.v1";

	static final String REVIEWED = "emporium.product.review-posted.v1";

	static final String PLACED = "emporium.order.order-placed.v1";

	static final String CONFIRMED = "emporium.order.order-confirmed.v1";

	static final String CANCELLED = "emporium.order.order-cancelled.v1";

	@Autowired
	MongoTemplate mongo;

	@Autowired
	InteractionRetention retention;

	@Test
	void eachBehaviourEventBecomesOneInteractionWithItsDetails() {
		UUID product = product("Behaviour target");
		Shopper shopper = Shopper.create();
		UUID cart = UUID.randomUUID();
		Instant at = Instant.parse("2026-11-20T10:15:30Z");
		String session = "sess-" + UUID.randomUUID();

		publish(VIEWED, "ProductViewed", product, at,
				fields("productId", product.toString(), "userId", null, "sessionId", session));
		publish(CLICKED, "SearchResultClicked", UUID.randomUUID(), at.plusSeconds(1),
				fields("searchId", UUID.randomUUID().toString(), "productId", product.toString(), "position", 7,
						"query", "lantern", "userId", shopper.id().toString(), "sessionId", null));
		publish(BehaviourListeners.WISHLIST_ADDED, "WishlistItemAdded", product, at.plusSeconds(2),
				fields("userId", shopper.id().toString(), "productId", product.toString()));
		publish(BehaviourListeners.WISHLIST_REMOVED, "WishlistItemRemoved", product, at.plusSeconds(3),
				fields("userId", shopper.id().toString(), "productId", product.toString()));
		publish(REVIEWED, "ReviewPosted", product, at.plusSeconds(4), fields("reviewId", UUID.randomUUID().toString(),
				"productId", product.toString(), "userId", shopper.id().toString(), "rating", 4));
		publish(BehaviourListeners.CART_ADDED, "CartItemAdded", cart, at.plusSeconds(5),
				fields("userId", null, "cartId", cart.toString(), "productId", product.toString(), "sku", "S-1",
						"quantity", 3));
		publish(BehaviourListeners.CART_REMOVED, "CartItemRemoved", cart, at.plusSeconds(6),
				fields("userId", shopper.id().toString(), "cartId", cart.toString(), "productId", product.toString(),
						"sku", "S-1", "quantity", 1));

		awaitTrue(() -> adminList("productId=" + product).get("totalItems").asLong() == 7);
		Map<String, JsonNode> byType = byType(items(adminList("productId=" + product)));
		assertThat(byType.keySet()).containsExactlyInAnyOrder("VIEW", "SEARCH_CLICK", "WISHLIST_ADD",
				"WISHLIST_REMOVE", "REVIEW", "CART_ADD", "CART_REMOVE");
		assertThat(byType.get("VIEW").get("sessionId").asString()).isEqualTo(session);
		assertThat(byType.get("VIEW").path("userId").isMissingNode()).isTrue();
		assertThat(byType.get("VIEW").get("occurredAt").asString()).isEqualTo("2026-11-20T10:15:30Z");
		assertThat(byType.get("SEARCH_CLICK").get("position").asInt()).isEqualTo(7);
		assertThat(byType.get("SEARCH_CLICK").get("userId").asString()).isEqualTo(shopper.id().toString());
		assertThat(byType.get("WISHLIST_ADD").get("userId").asString()).isEqualTo(shopper.id().toString());
		assertThat(byType.get("REVIEW").get("rating").asInt()).isEqualTo(4);
		assertThat(byType.get("CART_ADD").get("quantity").asInt()).isEqualTo(3);
		assertThat(byType.get("CART_ADD").get("cartId").asString()).isEqualTo(cart.toString());
		assertThat(byType.get("CART_ADD").path("userId").isMissingNode()).isTrue();
		assertThat(byType.get("CART_REMOVE").get("quantity").asInt()).isEqualTo(1);

		JsonNode mine = body(get("/api/v1/interactions/me", shopper.token()), 200);
		assertThat(items(mine)).extracting(item -> item.get("type").asString())
			.containsExactly("CART_REMOVE", "REVIEW", "WISHLIST_REMOVE", "WISHLIST_ADD", "SEARCH_CLICK");
		assertThat(items(mine).getFirst().get("productName").asString()).isEqualTo("Behaviour target");
	}

	@Test
	void aCartAddNamingTheRecommendationThatLedToItKeepsItsIdAndSource() {
		UUID product = product("Recommended into the cart");
		Shopper shopper = Shopper.create();
		UUID cart = UUID.randomUUID();
		Instant at = Instant.now();
		publish(BehaviourListeners.CART_ADDED, "CartItemAdded", cart, at,
				fields("userId", shopper.id().toString(), "cartId", cart.toString(), "productId", product.toString(),
						"sku", "S-1", "quantity", 2, "recommendationId", "rec-cart-1", "recommendationSource",
						"co-purchase"));
		// A producer's bad recommendation costs the attribution, not the cart add.
		publish(BehaviourListeners.CART_ADDED, "CartItemAdded", cart, at.plusSeconds(1),
				fields("userId", shopper.id().toString(), "cartId", cart.toString(), "productId", product.toString(),
						"sku", "S-1", "quantity", 1, "recommendationId", "r".repeat(101), "recommendationSource",
						"co-purchase"));
		publish(BehaviourListeners.CART_ADDED, "CartItemAdded", cart, at.plusSeconds(2),
				fields("userId", shopper.id().toString(), "cartId", cart.toString(), "productId", product.toString(),
						"sku", "S-1", "quantity", 3, "recommendationId", "rec-cart-3", "recommendationSource",
						"bad\nsource"));
		publish(BehaviourListeners.CART_ADDED, "CartItemAdded", cart, at.plusSeconds(3),
				fields("userId", shopper.id().toString(), "cartId", cart.toString(), "productId", product.toString(),
						"sku", "S-1", "quantity", 4, "recommendationId", null, "recommendationSource", null));

		awaitTrue(() -> adminList("type=CART_ADD&productId=" + product).get("totalItems").asLong() == 4);
		Map<Integer, JsonNode> byQuantity = new HashMap<>();
		items(adminList("type=CART_ADD&productId=" + product))
			.forEach(item -> byQuantity.put(item.get("quantity").asInt(), item));
		JsonNode recommended = byQuantity.get(2);
		assertThat(recommended.get("recommendationId").asString()).isEqualTo("rec-cart-1");
		assertThat(recommended.get("algorithm").asString()).isEqualTo("co-purchase");
		assertThat(recommended.get("cartId").asString()).isEqualTo(cart.toString());
		assertThat(recommended.path("context").isMissingNode()).as("a cart add does not say where the list was")
			.isTrue();
		assertThat(byQuantity.get(1).path("recommendationId").isMissingNode()).as("an id of 101 characters")
			.isTrue();
		assertThat(byQuantity.get(3).get("recommendationId").asString()).isEqualTo("rec-cart-3");
		assertThat(byQuantity.get(3).path("algorithm").isMissingNode()).as("a source with a control character")
			.isTrue();
		assertThat(byQuantity.get(4).path("recommendationId").isMissingNode()).isTrue();
		assertThat(byQuantity.get(4).path("algorithm").isMissingNode()).isTrue();
	}

	@Test
	void aRedeliveredEventIsStoredOnce() {
		UUID product = product("Viewed twice");
		UUID eventId = UUID.randomUUID();
		Instant at = Instant.now();
		String view = envelope("ProductViewed", eventId, product, at,
				fields("productId", product.toString(), "userId", UUID.randomUUID().toString(), "sessionId", null));
		KafkaTopics.send(VIEWED, product.toString(), view);
		KafkaTopics.send(VIEWED, product.toString(), view);
		publish(VIEWED, "ProductViewed", product, at,
				fields("productId", product.toString(), "userId", null, "sessionId", "marker-session"));

		awaitTrue(() -> adminList("productId=" + product + "&sessionId=marker-session").get("totalItems")
			.asLong() == 1);
		List<JsonNode> views = items(adminList("productId=" + product));
		assertThat(views).hasSize(2);
		assertThat(views).extracting(item -> item.get("eventId").asString()).contains(eventId.toString());
	}

	@Test
	void malformedEventsAreDeadLetteredWithTheReasonAndStoreNothing() {
		UUID product = product("Malformed events target");
		String key = product.toString();
		publish(VIEWED, "ProductViewed", product, Instant.now(), fields("userId", null, "sessionId", null));
		publish(VIEWED, "ProductViewed", product, Instant.now(),
				fields("productId", key, "userId", null, "sessionId", "bad session!"));
		publish(REVIEWED, "ReviewPosted", product, Instant.now(),
				fields("productId", key, "userId", UUID.randomUUID().toString(), "rating", 9));
		publish(CLICKED, "SearchResultClicked", key, Instant.now(),
				fields("productId", key, "position", 0, "userId", null, "sessionId", null));
		KafkaTopics.send(VIEWED, key, "{\"specversion\":\"1.0\",\"id\":\"not-a-uuid\"}");
		publish(VIEWED, "ProductViewed", product, Instant.now(),
				fields("productId", key, "userId", null, "sessionId", "after-the-garbage"));

		List<KafkaTopics.Record> views = KafkaTopics.awaitRecords(VIEWED + "-dlt", record -> key.equals(record.key()),
				3, WAIT);
		assertThat(views.get(0).header("kafka_dlt-exception-message")).contains("lacks productId");
		assertThat(views.get(1).header("kafka_dlt-exception-message")).contains("lacks a sessionId");
		assertThat(KafkaTopics.awaitRecord(REVIEWED + "-dlt", record -> key.equals(record.key()), WAIT)
			.header("kafka_dlt-exception-message")).contains("rating of 1 to 5");
		assertThat(KafkaTopics.awaitRecord(CLICKED + "-dlt", record -> key.equals(record.key()), WAIT)
			.header("kafka_dlt-exception-message")).contains("position of 1 or more");
		awaitTrue(() -> adminList("productId=" + product).get("totalItems").asLong() == 1);
		assertThat(items(adminList("productId=" + product)).getFirst().get("sessionId").asString())
			.isEqualTo("after-the-garbage");
	}

	@Test
	void eventsForProductsUnknownOrDeletedAreStoredAsHistory() {
		UUID unknown = UUID.randomUUID();
		UUID deleted = product("Deleted later");
		deleteProduct(deleted);
		Shopper shopper = Shopper.create();
		publish(VIEWED, "ProductViewed", unknown, Instant.now().minusSeconds(2),
				fields("productId", unknown.toString(), "userId", shopper.id().toString(), "sessionId", null));
		publish(VIEWED, "ProductViewed", deleted, Instant.now().minusSeconds(1),
				fields("productId", deleted.toString(), "userId", shopper.id().toString(), "sessionId", null));

		awaitTrue(() -> history(shopper, "").size() == 2);
		List<JsonNode> mine = history(shopper, "");
		assertThat(mine.get(0).get("productId").asString()).isEqualTo(deleted.toString());
		assertThat(mine.get(0).get("productName").asString()).isEqualTo("Deleted later");
		assertThat(mine.get(0).get("productDeleted").asBoolean()).isTrue();
		assertThat(mine.get(1).get("productId").asString()).isEqualTo(unknown.toString());
		assertThat(mine.get(1).get("productName").isNull()).isTrue();
	}

	@Test
	void aConfirmedOrderBecomesOnePurchasePerLineAndRedeliveryAddsNothing() {
		UUID lantern = product("Purchased lantern");
		UUID bag = product("Purchased bag");
		Shopper shopper = Shopper.create();
		UUID order = UUID.randomUUID();
		Instant placedAt = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
		String placed = envelope("OrderPlaced", UUID.randomUUID(), order, placedAt, orderPlaced(order, shopper,
				line(lantern, 2, "4.95"), line(bag, 1, "2.55"), line(lantern, 1, "4.95")));
		String confirmed = envelope("OrderConfirmed", UUID.randomUUID(), order, Instant.now(),
				fields("orderId", order.toString(), "customerId", shopper.id().toString(), "total", "17.40",
						"currency", "GBP"));
		KafkaTopics.send(PLACED, order.toString(), placed);
		KafkaTopics.send(CONFIRMED, order.toString(), confirmed);

		awaitTrue(() -> history(shopper, "?type=PURCHASE").size() == 3);
		KafkaTopics.send(CONFIRMED, order.toString(), confirmed);
		KafkaTopics.send(PLACED, order.toString(), placed);
		Shopper other = Shopper.create();
		confirmOrder(other, line(bag, 1, "2.55"));
		awaitTrue(() -> history(other, "?type=PURCHASE").size() == 1);

		List<JsonNode> purchases = history(shopper, "?type=PURCHASE");
		assertThat(purchases).hasSize(3);
		assertThat(purchases).extracting(item -> item.get("productId").asString())
			.containsExactlyInAnyOrder(lantern.toString(), bag.toString(), lantern.toString());
		JsonNode bagPurchase = purchases.stream()
			.filter(item -> item.get("productId").asString().equals(bag.toString()))
			.findFirst()
			.orElseThrow();
		assertThat(bagPurchase.get("quantity").asInt()).isEqualTo(1);
		assertThat(bagPurchase.get("unitPrice").decimalValue()).isEqualByComparingTo("2.55");
		assertThat(bagPurchase.get("currency").asString()).isEqualTo("GBP");
		assertThat(bagPurchase.get("orderId").asString()).isEqualTo(order.toString());
		assertThat(Instant.parse(bagPurchase.get("occurredAt").asString())).isEqualTo(placedAt);
	}

	@Test
	void aConfirmationThatOvertakesItsOrderIsKeptUntilTheLinesArrive() {
		UUID product = product("Confirmed early");
		Shopper shopper = Shopper.create();
		UUID order = UUID.randomUUID();
		publish(CONFIRMED, "OrderConfirmed", order, Instant.now(),
				fields("orderId", order.toString(), "customerId", shopper.id().toString()));
		awaitTrue(() -> "CONFIRMED".equals(orderState(order)));
		assertThat(history(shopper, "")).isEmpty();

		publish(PLACED, "OrderPlaced", order, Instant.now(), orderPlaced(order, shopper, line(product, 4, "1.00")));
		awaitTrue(() -> history(shopper, "?type=PURCHASE").size() == 1);
		assertThat(history(shopper, "").getFirst().get("quantity").asInt()).isEqualTo(4);
	}

	@Test
	void aCancelledOrderIsNoPurchaseEvenWhenCancelledAfterItsConfirmation() {
		UUID product = product("Cancelled purchase");
		Shopper unpaid = Shopper.create();
		UUID unpaidOrder = UUID.randomUUID();
		publish(PLACED, "OrderPlaced", unpaidOrder, Instant.now(),
				orderPlaced(unpaidOrder, unpaid, line(product, 1, "9.90")));
		publish(CANCELLED, "OrderCancelled", unpaidOrder, Instant.now(),
				fields("orderId", unpaidOrder.toString(), "reason", "out of stock", "refund", false));
		awaitTrue(() -> "CANCELLED".equals(orderState(unpaidOrder)));
		// A cancellation is final: a confirmation that comes after it changes nothing.
		publish(CONFIRMED, "OrderConfirmed", unpaidOrder, Instant.now(), fields("orderId", unpaidOrder.toString()));

		Shopper refunded = Shopper.create();
		UUID refundedOrder = confirmOrder(refunded, line(product, 2, "9.90"));
		awaitTrue(() -> history(refunded, "?type=PURCHASE").size() == 1);
		assertThat(history(unpaid, "")).isEmpty();

		publish(CANCELLED, "OrderCancelled", refundedOrder, Instant.now(),
				fields("orderId", refundedOrder.toString(), "reason", "changed my mind", "refund", true));
		awaitTrue(() -> history(refunded, "").isEmpty());
	}

	@Test
	void aMalformedOrderIsDeadLetteredAndRecordsNoPurchase() {
		UUID product = product("Malformed order");
		Shopper shopper = Shopper.create();
		UUID order = UUID.randomUUID();
		publish(PLACED, "OrderPlaced", order, Instant.now(), orderPlaced(order, shopper, line(product, 0, "1.00")));
		publish(CONFIRMED, "OrderConfirmed", order, Instant.now(), fields("orderId", order.toString()));

		assertThat(KafkaTopics.awaitRecord(PLACED + "-dlt", record -> order.toString().equals(record.key()), WAIT)
			.header("kafka_dlt-exception-message")).contains("quantity of 1 or more");
		awaitTrue(() -> "CONFIRMED".equals(orderState(order)));
		assertThat(history(shopper, "")).isEmpty();
	}

	@Test
	void aDeletedAccountLosesItsInteractionsAndLaterEventsAreNotKept() {
		UUID product = product("Deleted account target");
		Shopper deleted = Shopper.create();
		Shopper kept = Shopper.create();
		view(product, deleted, Instant.now().minusSeconds(5));
		view(product, kept, Instant.now().minusSeconds(5));
		awaitTrue(() -> history(deleted, "").size() == 1 && history(kept, "").size() == 1);

		publish("emporium.user.user-deleted.v1", "UserDeleted", deleted.id(), Instant.now(),
				fields("userId", deleted.id().toString()));
		awaitTrue(() -> history(deleted, "").isEmpty());
		view(product, deleted, Instant.now().plusSeconds(1));
		Shopper marker = Shopper.create();
		view(product, marker, Instant.now());
		awaitTrue(() -> history(marker, "").size() == 1);

		assertThat(history(deleted, "")).isEmpty();
		assertThat(history(kept, "")).hasSize(1);
	}

	@Test
	void interactionsPastTheRetentionAreDeleted() {
		UUID product = product("Old views");
		Shopper shopper = Shopper.create();
		view(product, shopper, Instant.now().minus(Duration.ofDays(400)));
		view(product, shopper, Instant.now().minus(Duration.ofDays(30)));
		awaitTrue(() -> history(shopper, "").size() == 2);

		this.retention.purge();

		List<JsonNode> left = history(shopper, "");
		assertThat(left).hasSize(1);
		assertThat(Instant.parse(left.getFirst().get("occurredAt").asString()))
			.isAfter(Instant.now().minus(Duration.ofDays(31)));
	}

	@Test
	void theQueriesOfTrainingServingAndHistoryHaveTheirIndexes() {
		List<IndexInfo> indexes = this.mongo.indexOps(Interaction.class).getIndexInfo();
		assertThat(indexes).extracting(IndexInfo::getName)
			.contains("user_history", "session_history", "occurred_at", "product_type", "order_purchases");
		IndexInfo userHistory = indexes.stream()
			.filter(index -> index.getName().equals("user_history"))
			.findFirst()
			.orElseThrow();
		assertThat(userHistory.getIndexFields()).extracting(field -> field.getKey())
			.containsExactly("userId", "occurredAt");
	}

	private void view(UUID product, Shopper shopper, Instant at) {
		publish(VIEWED, "ProductViewed", product, at,
				fields("productId", product.toString(), "userId", shopper.id().toString(), "sessionId", null));
	}

	/** Places and confirms an order; its id. */
	private UUID confirmOrder(Shopper shopper, Map<String, Object> line) {
		UUID order = UUID.randomUUID();
		publish(PLACED, "OrderPlaced", order, Instant.now(), orderPlaced(order, shopper, line));
		publish(CONFIRMED, "OrderConfirmed", order, Instant.now(),
				fields("orderId", order.toString(), "customerId", shopper.id().toString()));
		return order;
	}

	private List<JsonNode> history(Shopper shopper, String query) {
		return items(body(get("/api/v1/interactions/me" + query + (query.isEmpty() ? "?" : "&") + "size=100",
				shopper.token()), 200));
	}

	private String orderState(UUID order) {
		Purchases.PendingOrder state = this.mongo.findById(order, Purchases.PendingOrder.class);
		return (state != null) ? state.status().name() : null;
	}

	@SafeVarargs
	private static Map<String, Object> orderPlaced(UUID order, Shopper shopper, Map<String, Object>... lines) {
		return fields("orderId", order.toString(), "orderNumber", "ORD-20261123-ABCDEF", "customerId",
				shopper.id().toString(), "lines", List.of(lines), "subtotal", new BigDecimal("1.00"), "tax",
				BigDecimal.ZERO, "shipping", BigDecimal.ZERO, "total", new BigDecimal("1.00"), "currency", "GBP",
				"paymentMethod", "CARD");
	}

	private static Map<String, Object> line(UUID product, int quantity, String unitPrice) {
		return fields("productId", product.toString(), "sku", "SKU-" + quantity, "quantity", quantity, "unitPrice",
				new BigDecimal(unitPrice));
	}

	private static Map<String, JsonNode> byType(List<JsonNode> items) {
		Map<String, JsonNode> byType = new java.util.LinkedHashMap<>();
		items.forEach(item -> byType.put(item.get("type").asString(), item));
		return byType;
	}

}
