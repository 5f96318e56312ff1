package com.emporium.payment.payments;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.payment.PaymentServiceIntegrationTest;
import com.emporium.platform.test.KafkaTopics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the payment side of the saga as order-service does: its events on the embedded Kafka, in
 * order, out of order and twice; the simulator stands for the card processor.
 */
class PaymentSagaTests extends PaymentServiceIntegrationTest {

	@Test
	void aCardOrderIsChargedOnceAndPaymentSucceededFollowsTheContract() {
		Order order = Order.of(Customer.create(), "27.70", "EUR", "CARD");
		request(order);

		UUID paymentId = awaitPayment(order, "SUCCEEDED");
		JsonNode event = awaitEvent(SUCCEEDED, order.id().toString(), any -> true);
		assertThat(event.get("type").asString()).isEqualTo("PaymentSucceeded");
		assertThat(event.get("source").asString()).isEqualTo("payment-service");
		JsonNode data = event.get("data");
		assertThat(data.propertyNames()).containsExactlyInAnyOrder("eventId", "occurredAt", "paymentId", "orderId",
				"amount", "currency");
		assertThat(data.get("paymentId").asString()).isEqualTo(paymentId.toString());
		assertThat(data.get("orderId").asString()).isEqualTo(order.id().toString());
		assertThat(data.get("amount").decimalValue()).isEqualByComparingTo("27.70");
		assertThat(data.get("currency").asString()).isEqualTo("EUR");
		assertThat(simulator().capturesOf(order.id())).isEqualTo(1);
		assertThat(this.jdbc.queryForMap("SELECT card_brand, card_last4 FROM payments WHERE id = ?", paymentId))
			.containsEntry("card_brand", "visa")
			.containsEntry("card_last4", "4242");
	}

	@Test
	void duplicatesAndRepeatedRequestsNeverChargeTwice() throws Exception {
		Order order = Order.of(Customer.create(), "10.00", "EUR", "WALLET");
		UUID eventId = request(order);
		publish(REQUESTED, order.id().toString(), "PaymentRequested", eventId, order.requested());
		awaitHandled(request(order));
		awaitPayment(order, "SUCCEEDED");
		awaitEvent(SUCCEEDED, order.id().toString(), any -> true);

		assertThat(simulator().capturesOf(order.id())).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM payments WHERE order_id = ?", order.id())).isEqualTo(1);
		Thread.sleep(300);
		assertThat(eventsFor(SUCCEEDED, order.id().toString())).isEqualTo(1);
	}

	@Test
	void aCrashBetweenTheChargeAndOurCommitIsReplayedNotChargedAgain() {
		Order order = Order.of(Customer.create(), "12.00", "EUR", "CARD");
		UUID eventId = request(order);
		UUID paymentId = awaitPayment(order, "SUCCEEDED");
		String processorId = this.jdbc.queryForObject("SELECT processor_id FROM payments WHERE id = ?", String.class,
				paymentId);
		// As if the transaction had rolled back after the processor took the money: our rows are
		// gone, the processor remembers the charge; Kafka redelivers the event.
		this.jdbc.update("DELETE FROM payments WHERE id = ?", paymentId);
		this.jdbc.update("DELETE FROM processed_event WHERE event_id = ?", eventId);
		publish(REQUESTED, order.id().toString(), "PaymentRequested", eventId, order.requested());

		awaitPayment(order, "SUCCEEDED");
		assertThat(this.jdbc.queryForObject("SELECT processor_id FROM payments WHERE order_id = ?", String.class,
				order.id()))
			.as("the processor's replay of the same payment")
			.isEqualTo(processorId);
		assertThat(simulator().capturesOf(order.id())).isEqualTo(1);
	}

	@Test
	void cashOnDeliveryIsAcceptedAtOnceAndStaysPendingCollection() {
		Order order = Order.of(Customer.create(), "40.00", "EUR", "CASH_ON_DELIVERY");
		request(order);
		JsonNode data = awaitEvent(SUCCEEDED, order.id().toString(), any -> true).get("data");
		assertThat(data.get("amount").decimalValue()).isEqualByComparingTo("40.00");
		awaitPayment(order, "PENDING");
		assertThat(simulator().capturesOf(order.id())).isZero();
	}

	@Test
	void aBankTransferWaitsAndItsCancellationCancelsThePayment() throws Exception {
		Order order = Order.of(Customer.create(), "99.00", "EUR", "BANK_TRANSFER");
		awaitHandled(request(order));
		awaitPayment(order, "PENDING");
		awaitHandled(cancel(order, false));
		awaitPayment(order, "CANCELLED");
		Thread.sleep(300);
		assertThat(eventsFor(SUCCEEDED, order.id().toString())).isZero();
		assertThat(eventsFor(FAILED, order.id().toString())).isZero();
	}

	@Test
	void aCancellationBeforeTheRequestMeansNothingIsTaken() throws Exception {
		Order order = Order.of(Customer.create(), "15.00", "EUR", "CARD");
		awaitHandled(cancel(order, false));
		awaitHandled(request(order));
		awaitPayment(order, "CANCELLED");
		Thread.sleep(300);
		assertThat(simulator().capturesOf(order.id())).isZero();
		assertThat(eventsFor(SUCCEEDED, order.id().toString())).isZero();
	}

	@Test
	void aCancellationWithRefundGivesEverythingBackOnce() throws Exception {
		Order order = Order.of(Customer.create(), "1500", "JPY", "CARD");
		request(order);
		UUID paymentId = awaitPayment(order, "SUCCEEDED");
		cancel(order, true);
		awaitHandled(cancel(order, true));

		JsonNode refunded = awaitEvent(REFUNDED, order.id().toString(), any -> true);
		JsonNode data = refunded.get("data");
		assertThat(data.propertyNames()).containsExactlyInAnyOrder("eventId", "occurredAt", "paymentId", "orderId",
				"amount", "currency", "refundId");
		assertThat(data.get("paymentId").asString()).isEqualTo(paymentId.toString());
		assertThat(data.get("amount").decimalValue()).isEqualByComparingTo("1500");
		assertThat(data.get("amount").toString()).isEqualTo("1500");
		assertThat(data.get("currency").asString()).isEqualTo("JPY");
		awaitPayment(order, "REFUNDED");
		String processorId = this.jdbc.queryForObject("SELECT processor_id FROM payments WHERE id = ?", String.class,
				paymentId);
		assertThat(simulator().refundedOf(processorId)).isEqualTo(1500);
		Thread.sleep(300);
		assertThat(eventsFor(REFUNDED, order.id().toString())).isEqualTo(1);
	}

	@Test
	void aCancellationAfterAPartialRefundGivesBackWhatIsLeft() {
		Order order = Order.of(Customer.create(), "20.00", "EUR", "CARD");
		request(order);
		UUID paymentId = awaitPayment(order, "SUCCEEDED");
		body(post("/api/v1/payments/" + paymentId + "/refunds", ADMIN, Map.of("amount", "5.00", "reason", "scratch")),
				201);
		awaitHandled(cancel(order, true));

		awaitPayment(order, "REFUNDED");
		JsonNode last = awaitEvent(REFUNDED, order.id().toString(),
				event -> event.get("data").get("amount").decimalValue().compareTo(new BigDecimal("15.00")) == 0);
		assertThat(last.get("data").get("paymentId").asString()).isEqualTo(paymentId.toString());
		assertThat(body(get("/api/v1/payments/" + paymentId, ADMIN), 200).get("refunds")).hasSize(2);
	}

	@Test
	void eventsLackingWhatWeNeedGoToTheDeadLetterTopic() {
		String key = "broken-" + UUID.randomUUID();
		publish(REQUESTED, key, "PaymentRequested", Map.of("orderNumber", "ORD-1", "amount", 10));
		KafkaTopics.Record dead = KafkaTopics.awaitRecord(REQUESTED + "-dlt", record -> key.equals(record.key()),
				Duration.ofSeconds(30));
		assertThat(dead.header("kafka_dlt-exception-message")).contains("lacks orderId");

		Order order = Order.of(Customer.create(), "10.00", "EUR", "CHEQUE");
		publish(REQUESTED, order.id().toString(), "PaymentRequested", order.requested());
		KafkaTopics.awaitRecord(REQUESTED + "-dlt", record -> order.id().toString().equals(record.key()),
				Duration.ofSeconds(30));
		assertThat(count("SELECT count(*) FROM payments WHERE order_id = ?", order.id())).isZero();
	}

}
