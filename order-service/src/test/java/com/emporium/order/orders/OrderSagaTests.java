package com.emporium.order.orders;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.order.OrderServiceIntegrationTest;
import com.emporium.platform.test.KafkaTopics;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the saga as product-service and payment-service will: their events, published to the
 * embedded Kafka, in order, out of order and twice; and the refunds payment-service reports.
 */
class OrderSagaTests extends OrderServiceIntegrationTest {

	static final String RESERVED = "emporium.product.stock-reserved.v1";

	static final String RESERVATION_FAILED = "emporium.product.stock-reservation-failed.v1";

	static final String RELEASED = "emporium.product.stock-released.v1";

	static final String PAID = "emporium.payment.payment-succeeded.v1";

	static final String PAYMENT_FAILED = "emporium.payment.payment-failed.v1";

	static final String REFUNDED = "emporium.payment.payment-refunded.v1";

	@Test
	void reservedAndPaidOrdersAreConfirmed() {
		Customer ada = Customer.create();
		JsonNode placed = placeOrder(ada, "20.00", 2);
		String id = placed.get("id").asString();

		reserved(id);
		awaitStatus(id, ada.token(), "AWAITING_PAYMENT");
		JsonNode requested = awaitEvent("emporium.order.payment-requested.v1", id, event -> true).get("data");
		assertThat(requested.get("amount").decimalValue()).isEqualByComparingTo(placed.get("total").decimalValue());
		assertThat(requested.get("currency").asString()).isEqualTo("EUR");
		assertThat(requested.get("paymentMethod").asString()).isEqualTo("CARD");
		assertThat(requested.get("orderNumber").asString()).isEqualTo(placed.get("number").asString());
		assertThat(requested.get("customerId").asString()).isEqualTo(ada.id().toString());

		paid(id, placed.get("total").decimalValue().toPlainString());
		JsonNode confirmed = awaitStatus(id, ada.token(), "CONFIRMED");
		assertThat(confirmed.get("history")).extracting(change -> change.get("to").asString())
			.containsExactly("PENDING", "AWAITING_PAYMENT", "CONFIRMED");
		assertThat(confirmed.get("history").get(2).get("by").asString()).isEqualTo("event:PaymentSucceeded");
		JsonNode event = awaitEvent("emporium.order.order-confirmed.v1", id, any -> true);
		assertThat(event.get("type").asString()).isEqualTo("OrderConfirmed");
		assertThat(event.get("data").get("total").decimalValue()).isEqualByComparingTo(placed.get("total").decimalValue());
	}

	@Test
	void aFailedReservationCancelsTheOrderNamingTheLines() {
		Customer ada = Customer.create();
		String id = placeOrder(ada, "20.00", 3).get("id").asString();
		publish(RESERVATION_FAILED, id, "StockReservationFailed", Map.of("orderId", id, "lines",
				List.of(Map.of("productId", UUID.randomUUID().toString(), "sku", "OAK-1", "requested", 3, "available",
						1))));

		JsonNode order = awaitStatus(id, ada.token(), "CANCELLED");
		assertThat(order.get("cancellationReason").asString()).contains("OAK-1", "requested 3", "available 1");
		JsonNode cancelled = awaitEvent("emporium.order.order-cancelled.v1", id, any -> true).get("data");
		assertThat(cancelled.get("refund").asBoolean()).isFalse();
		assertThat(cancelled.get("reason").asString()).contains("OAK-1");
	}

	@Test
	void aFailedPaymentCancelsTheOrder() {
		Customer ada = Customer.create();
		String id = placeOrder(ada, "20.00", 1).get("id").asString();
		reserved(id);
		awaitStatus(id, ada.token(), "AWAITING_PAYMENT");
		publish(PAYMENT_FAILED, id, "PaymentFailed",
				Map.of("orderId", id, "paymentId", UUID.randomUUID().toString(), "reason", "card declined"));

		assertThat(awaitStatus(id, ada.token(), "CANCELLED").get("cancellationReason").asString())
			.isEqualTo("Payment failed: card declined");
		JsonNode cancelled = awaitEvent("emporium.order.order-cancelled.v1", id, any -> true).get("data");
		assertThat(cancelled.get("refund").asBoolean()).isFalse();
	}

	@Test
	void anExpiredReservationCancelsAnOrderAwaitingPaymentAndALatePaymentIsRefunded() {
		Customer ada = Customer.create();
		String id = placeOrder(ada, "20.00", 1).get("id").asString();
		reserved(id);
		awaitStatus(id, ada.token(), "AWAITING_PAYMENT");
		publish(RELEASED, id, "StockReleased", Map.of("orderId", id, "reason", "reservation expired"));
		assertThat(awaitStatus(id, ada.token(), "CANCELLED").get("cancellationReason").asString())
			.contains("reservation expired");

		paid(id, "27.70");
		JsonNode refund = awaitEvent("emporium.order.order-cancelled.v1", id,
				event -> event.get("data").get("refund").asBoolean());
		assertThat(refund.get("data").get("reason").asString()).contains("refund");
		JsonNode order = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> body(get("/api/v1/orders/" + id, ada.token()), 200),
					found -> found.get("refundDue").asBoolean());
		assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
	}

	@Test
	void eventsTwiceOrOutOfOrderLeaveACorrectState() {
		Customer ada = Customer.create();
		JsonNode placed = placeOrder(ada, "20.00", 1);
		String id = placed.get("id").asString();
		// A payment before the reservation (it cannot be: dropped), then the reservation twice.
		String total = placed.get("total").decimalValue().toPlainString();
		UUID early = paid(id, total);
		awaitHandled(early);
		UUID reservation = UUID.randomUUID();
		Map<String, Object> data = Map.of("orderId", id, "expiresAt", Instant.now().plusSeconds(900).toString());
		publish(RESERVED, id, "StockReserved", reservation, data);
		publish(RESERVED, id, "StockReserved", reservation, data);
		// A different reservation event for the same order: the order is past it, so it is dropped.
		UUID marker = reserved(id);
		awaitHandled(marker);
		assertThat(body(get("/api/v1/orders/" + id, ada.token()), 200).get("status").asString())
			.isEqualTo("AWAITING_PAYMENT");
		assertThat(KafkaTopics.readAll("emporium.order.payment-requested.v1")
			.stream()
			.filter(record -> id.equals(record.key()))).hasSize(1);

		paid(id, total);
		awaitStatus(id, ada.token(), "CONFIRMED");
		// A release or a failed payment after confirmation changes nothing.
		awaitHandled(publish(RELEASED, id, "StockReleased", Map.of("orderId", id, "reason", "expired")));
		awaitHandled(publish(PAYMENT_FAILED, id, "PaymentFailed", Map.of("orderId", id, "reason", "late")));
		JsonNode order = body(get("/api/v1/orders/" + id, ada.token()), 200);
		assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(order.get("history")).hasSize(3);
	}

	@Test
	void aReleaseHandledBeforeItsReservationCancelsTheOrderForGood() {
		Customer ada = Customer.create();
		String id = placeOrder(ada, "20.00", 1).get("id").asString();
		publish(RELEASED, id, "StockReleased", Map.of("orderId", id, "reason", "reservation expired"));
		awaitStatus(id, ada.token(), "CANCELLED");
		awaitHandled(reserved(id));
		assertThat(body(get("/api/v1/orders/" + id, ada.token()), 200).get("status").asString())
			.isEqualTo("CANCELLED");
	}

	@Test
	void eventsForUnknownOrdersAreDroppedAndOnesWithoutAnOrderIdGoToTheDeadLetterTopic() {
		awaitHandled(reserved(UUID.randomUUID().toString()));
		String key = "broken-" + unique();
		publish(RESERVED, key, "StockReserved", Map.of("expiresAt", Instant.now().toString()));
		KafkaTopics.Record dead = KafkaTopics.awaitRecord(RESERVED + "-dlt", record -> key.equals(record.key()),
				Duration.ofSeconds(30));
		assertThat(dead.header("kafka_dlt-exception-message")).contains("lacks orderId");
	}

	@Test
	void aLongPollAnswersWhenTheStatusChangesOrTheTimeIsUp() throws Exception {
		Customer ada = Customer.create();
		String id = placeOrder(ada, "20.00", 1).get("id").asString();
		long start = System.nanoTime();
		JsonNode unchanged = body(get("/api/v1/orders/" + id + "?waitForChangeFrom=PENDING&timeout=1", ada.token()),
				200);
		assertThat(unchanged.get("status").asString()).isEqualTo("PENDING");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));

		var waiting = java.util.concurrent.CompletableFuture.supplyAsync(
				() -> body(get("/api/v1/orders/" + id + "?waitForChangeFrom=PENDING&timeout=25", ada.token()), 200));
		Thread.sleep(300);
		assertThat(waiting).isNotDone();
		reserved(id);
		assertThat(waiting.get(20, java.util.concurrent.TimeUnit.SECONDS).get("status").asString())
			.isEqualTo("AWAITING_PAYMENT");

		problem(get("/api/v1/orders/" + id + "?waitForChangeFrom=PENDING&timeout=26", ada.token()), 400,
				"validation-failed", "timeout");
		problem(get("/api/v1/orders/" + id + "?waitForChangeFrom=WAITING", ada.token()), 400, "validation-failed",
				"waitForChangeFrom");
	}

	@Test
	void aRefundOfACancelledPaidOrderMakesItRefundedOnceEvenWhenDeliveredTwice() {
		Customer ada = Customer.create();
		JsonNode placed = placeOrder(ada, "20.00", 1);
		String id = placed.get("id").asString();
		String total = placed.get("total").decimalValue().toPlainString();
		confirm(id, ada, total);
		body(post("/api/v1/orders/" + id + "/cancellation", ada.token(), Map.of("reason", "changed my mind")), 200);

		UUID eventId = UUID.randomUUID();
		Map<String, Object> data = refund(id, total, "re_full");
		publish(REFUNDED, id, "PaymentRefunded", eventId, data);
		publish(REFUNDED, id, "PaymentRefunded", eventId, data);
		JsonNode order = awaitStatus(id, ada.token(), "REFUNDED");
		awaitHandled(eventId);
		// A second, different refund event finds the order refunded: dropped.
		awaitHandled(publish(REFUNDED, id, "PaymentRefunded", refund(id, "1.00", "re_late")));

		order = body(get("/api/v1/orders/" + id, ada.token()), 200);
		assertThat(order.get("status").asString()).isEqualTo("REFUNDED");
		assertThat(order.get("refundDue").asBoolean()).isFalse();
		assertThat(order.get("history")).extracting(change -> change.get("to").asString())
			.containsExactly("PENDING", "AWAITING_PAYMENT", "CONFIRMED", "CANCELLED", "REFUNDED");
		JsonNode last = order.get("history").get(4);
		assertThat(last.get("by").asString()).isEqualTo("event:PaymentRefunded");
		assertThat(last.get("note").asString()).contains("re_full", total, "EUR");
	}

	@Test
	void aPartialRefundOfADeliveredOrderIsRecordedAndAWholeOneRefundsIt() {
		Customer ada = Customer.create();
		JsonNode placed = placeOrder(ada, "20.00", 2);
		String id = placed.get("id").asString();
		String total = placed.get("total").decimalValue().toPlainString();
		deliver(id, ada, total);

		UUID partial = UUID.randomUUID();
		Map<String, Object> data = refund(id, "5.00", "re_part");
		publish(REFUNDED, id, "PaymentRefunded", partial, data);
		publish(REFUNDED, id, "PaymentRefunded", partial, data);
		awaitHandled(partial);
		JsonNode order = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> body(get("/api/v1/orders/" + id, ada.token()), 200), found -> found.get("history").size() == 6);
		assertThat(order.get("status").asString()).isEqualTo("DELIVERED");
		JsonNode recorded = order.get("history").get(5);
		assertThat(recorded.get("from").asString()).isEqualTo("DELIVERED");
		assertThat(recorded.get("to").asString()).isEqualTo("DELIVERED");
		assertThat(recorded.get("note").asString()).contains("re_part", "5.00");

		publish(REFUNDED, id, "PaymentRefunded", refund(id, total, "re_rest"));
		order = awaitStatus(id, ada.token(), "REFUNDED");
		assertThat(order.get("history")).hasSize(7);
		assertThat(order.get("history").get(6).get("note").asString()).contains("re_rest");
	}

	@Test
	void partialRefundsOfADeliveredOrderAddUpAndRefundItWhenTheyMakeTheTotal() {
		Customer ada = Customer.create();
		JsonNode placed = placeOrder(ada, "20.00", 2);
		String id = placed.get("id").asString();
		BigDecimal total = placed.get("total").decimalValue().setScale(2); // as the notes write it
		deliver(id, ada, total.toPlainString());

		awaitHandled(publish(REFUNDED, id, "PaymentRefunded", refund(id, "10.00", "re_first")));
		JsonNode order = body(get("/api/v1/orders/" + id, ada.token()), 200);
		assertThat(order.get("status").asString()).isEqualTo("DELIVERED");
		assertThat(order.get("refundedAmount").decimalValue()).isEqualByComparingTo("10.00");

		String rest = total.subtract(new BigDecimal("10.00")).toPlainString();
		publish(REFUNDED, id, "PaymentRefunded", refund(id, rest, "re_second"));
		order = awaitStatus(id, ada.token(), "REFUNDED");
		assertThat(order.get("refundedAmount").decimalValue()).isEqualByComparingTo(total);
		assertThat(order.get("history")).hasSize(7);
		JsonNode first = order.get("history").get(5);
		assertThat(first.get("from").asString()).isEqualTo("DELIVERED");
		assertThat(first.get("to").asString()).isEqualTo("DELIVERED");
		assertThat(first.get("note").asString()).contains("re_first", "10.00 of " + total.toPlainString());
		JsonNode second = order.get("history").get(6);
		assertThat(second.get("from").asString()).isEqualTo("DELIVERED");
		assertThat(second.get("to").asString()).isEqualTo("REFUNDED");
		assertThat(second.get("by").asString()).isEqualTo("event:PaymentRefunded");
		assertThat(second.get("note").asString()).contains("re_second", rest,
				total.toPlainString() + " of " + total.toPlainString());
	}

	@Test
	void partialRefundsShortOfTheTotalLeaveADeliveredOrderDelivered() {
		Customer ada = Customer.create();
		JsonNode placed = placeOrder(ada, "20.00", 2);
		String id = placed.get("id").asString();
		deliver(id, ada, placed.get("total").decimalValue().toPlainString());

		awaitHandled(publish(REFUNDED, id, "PaymentRefunded", refund(id, "10.00", "re_first")));
		awaitHandled(publish(REFUNDED, id, "PaymentRefunded", refund(id, "7.50", "re_second")));
		JsonNode order = body(get("/api/v1/orders/" + id, ada.token()), 200);
		assertThat(order.get("status").asString()).isEqualTo("DELIVERED");
		assertThat(order.get("refundedAmount").decimalValue()).isEqualByComparingTo("17.50");
		assertThat(order.get("history")).hasSize(7);
		assertThat(order.get("history").get(6).get("note").asString()).contains("re_second", "7.50", "17.50 of");
	}

	@Test
	void aRefundReportedTwiceUnderAnotherEventIdCountsOnce() {
		Customer ada = Customer.create();
		JsonNode placed = placeOrder(ada, "20.00", 2);
		String id = placed.get("id").asString();
		BigDecimal total = placed.get("total").decimalValue();
		deliver(id, ada, total.toPlainString());

		String half = total.divide(new BigDecimal(2)).toPlainString();
		Map<String, Object> data = refund(id, half, "re_half");
		awaitHandled(publish(REFUNDED, id, "PaymentRefunded", data));
		// payment-service reports it again (a redelivery): another event id, the same refundId.
		awaitHandled(publish(REFUNDED, id, "PaymentRefunded", data));
		JsonNode order = body(get("/api/v1/orders/" + id, ada.token()), 200);
		assertThat(order.get("status").asString()).isEqualTo("DELIVERED");
		assertThat(order.get("refundedAmount").decimalValue()).isEqualByComparingTo(half);
		assertThat(order.get("history")).hasSize(6);
		assertThat(count("SELECT count(*) FROM order_refunds WHERE order_id = ?", UUID.fromString(id))).isEqualTo(1);
	}

	@Test
	void aRefundForACancelledOrderThatWasNeverPaidIsIgnored() {
		Customer ada = Customer.create();
		String id = placeOrder(ada, "20.00", 1).get("id").asString();
		body(post("/api/v1/orders/" + id + "/cancellation", ada.token(), null), 200);

		awaitHandled(publish(REFUNDED, id, "PaymentRefunded", refund(id, "27.70", "re_odd")));
		JsonNode order = body(get("/api/v1/orders/" + id, ada.token()), 200);
		assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(order.get("history")).hasSize(2);
	}

	private void confirm(String id, Customer customer, String total) {
		reserved(id);
		awaitStatus(id, customer.token(), "AWAITING_PAYMENT");
		paid(id, total);
		awaitStatus(id, customer.token(), "CONFIRMED");
	}

	private void deliver(String id, Customer customer, String total) {
		confirm(id, customer, total);
		for (String status : new String[] { "SHIPPED", "DELIVERED" }) {
			body(send(HttpMethod.PUT, "/api/v1/admin/orders/" + id + "/status", ADMIN, Map.of("status", status),
					Map.of()), 200);
		}
	}

	private static Map<String, Object> refund(String orderId, String amount, String refundId) {
		return Map.of("orderId", orderId, "paymentId", UUID.randomUUID().toString(), "amount", amount, "currency",
				"EUR", "refundId", refundId);
	}

	private static UUID reserved(String orderId) {
		return publish(RESERVED, orderId, "StockReserved",
				Map.of("orderId", orderId, "expiresAt", Instant.now().plusSeconds(900).toString()));
	}

	private static UUID paid(String orderId, String amount) {
		return publish(PAID, orderId, "PaymentSucceeded", Map.of("orderId", orderId, "paymentId",
				UUID.randomUUID().toString(), "amount", amount, "currency", "EUR"));
	}

	/** Waits until the saga has handled (or dropped) an event. */
	private void awaitHandled(UUID eventId) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> count("SELECT count(*) FROM processed_event WHERE consumer = 'order-saga' AND event_id = ?",
					eventId) == 1);
	}

}
