package com.emporium.payment.payments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.emporium.payment.PaymentServiceIntegrationTest;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /payments/webhooks}: signed processor events keep payments in step. */
class WebhookTests extends PaymentServiceIntegrationTest {

	@Test
	void aSucceededPaymentIntentCapturesAPendingPaymentOnceAndAReplayIsRefused() {
		Order order = pendingOrder("25.00", "EUR");
		String event = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded",
				Map.of("id", "pi_" + UUID.randomUUID(), "status", "succeeded", "metadata",
						Map.of("order_id", order.id().toString())));

		assertThat(body(deliver(event, signature(event, Instant.now(), WEBHOOK_SECRET)), 200).get("received")
			.asBoolean()).isTrue();
		awaitPayment(order, "SUCCEEDED");
		JsonNode succeeded = awaitEvent(SUCCEEDED, order.id().toString(), any -> true).get("data");
		assertThat(succeeded.get("amount").decimalValue()).isEqualByComparingTo(order.amount());

		problem(deliver(event, signature(event, Instant.now(), WEBHOOK_SECRET)), 400, "webhook-replayed", null);
		assertThat(eventsFor(SUCCEEDED, order.id().toString())).isEqualTo(1);
	}

	@Test
	void forgedStaleOrUnsignedWebhooksAreRefusedAndChangeNothing() {
		Order order = pendingOrder("25.00", "EUR");
		String eventId = "evt_" + UUID.randomUUID();
		String event = event(eventId, "payment_intent.payment_failed",
				Map.of("id", "pi_x", "metadata", Map.of("order_id", order.id().toString())));

		problem(deliver(event, signature(event, Instant.now(), "whsec_someone_else")), 400,
				"invalid-webhook-signature", null);
		problem(deliver(event, signature(event, Instant.now().minusSeconds(6 * 60), WEBHOOK_SECRET)), 400,
				"invalid-webhook-signature", null);
		problem(deliver(event, signature(event, Instant.now().plusSeconds(6 * 60), WEBHOOK_SECRET)), 400,
				"invalid-webhook-signature", null);
		problem(deliver(event, null), 400, "invalid-webhook-signature", null);
		problem(deliver(event, "t=abc,v1=00"), 400, "invalid-webhook-signature", null);
		problem(deliver(event.replace("payment_failed", "succeeded"), signature(event, Instant.now(), WEBHOOK_SECRET)),
				400, "invalid-webhook-signature", null);

		assertThat(count("SELECT count(*) FROM webhook_events WHERE event_id = ?", eventId)).isZero();
		assertThat(count("SELECT count(*) FROM payments WHERE order_id = ? AND status = 'PENDING'", order.id()))
			.isEqualTo(1);

		String garbage = "{\"id\": \"evt_1\"}";
		problem(deliver(garbage, signature(garbage, Instant.now(), WEBHOOK_SECRET)), 400, "malformed-request", null);
		String notJson = "not json";
		problem(deliver(notJson, signature(notJson, Instant.now(), WEBHOOK_SECRET)), 400, "malformed-request", null);
	}

	@Test
	void aFailedPaymentIntentFailsAPendingPayment() {
		Order order = pendingOrder("25.00", "EUR");
		String event = event("evt_" + UUID.randomUUID(), "payment_intent.payment_failed",
				Map.of("id", "pi_" + UUID.randomUUID(), "last_payment_error", Map.of("decline_code", "expired_card"),
						"metadata", Map.of("order_id", order.id().toString())));
		body(deliver(event, signature(event, Instant.now(), WEBHOOK_SECRET)), 200);

		awaitPayment(order, "FAILED");
		JsonNode failed = awaitEvent(FAILED, order.id().toString(), any -> true).get("data");
		assertThat(failed.propertyNames()).containsExactlyInAnyOrder("eventId", "occurredAt", "paymentId", "orderId",
				"reason");
		assertThat(failed.get("reason").asString()).contains("expired_card");
	}

	@Test
	void refundsMadeAtTheProcessorAreRecordedOnce() {
		Order order = Order.of(Customer.create(), "30.00", "EUR", "CARD");
		request(order);
		UUID paymentId = awaitPayment(order, "SUCCEEDED");
		String intent = this.jdbc.queryForObject("SELECT processor_id FROM payments WHERE id = ?", String.class,
				paymentId);
		Map<String, Object> charge = Map.of("id", "ch_1", "payment_intent", intent, "amount_refunded", 500, "refunds",
				Map.of("data", List.of(Map.of("id", "re_ext_" + paymentId, "amount", 500))));
		String first = event("evt_" + UUID.randomUUID(), "charge.refunded", charge);
		body(deliver(first, signature(first, Instant.now(), WEBHOOK_SECRET)), 200);
		String again = event("evt_" + UUID.randomUUID(), "charge.refunded", charge);
		body(deliver(again, signature(again, Instant.now(), WEBHOOK_SECRET)), 200);

		JsonNode payment = body(get("/api/v1/payments/" + paymentId, ADMIN), 200);
		assertThat(payment.get("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
		assertThat(payment.get("refundedAmount").decimalValue()).isEqualByComparingTo("5.00");
		assertThat(payment.get("refunds")).hasSize(1);
		JsonNode refunded = awaitEvent(REFUNDED, order.id().toString(), any -> true).get("data");
		assertThat(refunded.get("amount").decimalValue()).isEqualByComparingTo("5.00");
		assertThat(refunded.get("refundId").asString()).isEqualTo(payment.get("refunds").get(0).get("id").asString());
	}

	@Test
	void moneyArrivingForACancelledOrderIsReportedSoThatOrderServiceAsksForItsRefund() {
		Order order = Order.of(Customer.create(), "45.00", "EUR", "BANK_TRANSFER");
		request(order);
		awaitPayment(order, "PENDING");
		awaitHandled(cancel(order, false));
		awaitPayment(order, "CANCELLED");

		String intent = "pi_" + UUID.randomUUID();
		String event = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded",
				Map.of("id", intent, "metadata", Map.of("order_id", order.id().toString())));
		body(deliver(event, signature(event, Instant.now(), WEBHOOK_SECRET)), 200);
		awaitPayment(order, "SUCCEEDED");
		// order-service answers a payment for a cancelled order with OrderCancelled{refund: true}.
		JsonNode succeeded = awaitEvent(SUCCEEDED, order.id().toString(), any -> true).get("data");
		assertThat(succeeded.get("amount").decimalValue()).isEqualByComparingTo("45.00");
		assertThat(body(get("/api/v1/payments?orderId=" + order.id(), ADMIN), 200).get("items")
			.get(0)
			.get("refundable")
			.decimalValue()).isEqualByComparingTo("45.00");
	}

	private RestTestClient.ResponseSpec deliver(String payload, String signature) {
		RestTestClient.RequestBodySpec request = this.http.post()
			.uri("/api/v1/payments/webhooks")
			.contentType(MediaType.APPLICATION_JSON);
		if (signature != null) {
			request.header("Stripe-Signature", signature);
		}
		return request.body(payload.getBytes(StandardCharsets.UTF_8)).exchange();
	}

	private static String event(String id, String type, Map<String, Object> object) {
		return JsonMapper.shared()
			.writeValueAsString(Map.of("id", id, "object", "event", "type", type, "data", Map.of("object", object)));
	}

	private static String signature(String payload, Instant at, String secret) {
		long t = at.getEpochSecond();
		return "t=" + t + ",v1=" + WebhookSignatures.sign(secret, t, payload.getBytes(StandardCharsets.UTF_8));
	}

}
