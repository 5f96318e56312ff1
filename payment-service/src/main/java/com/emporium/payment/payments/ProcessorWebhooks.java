package com.emporium.payment.payments;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import com.emporium.payment.MinorUnits;
import com.emporium.platform.web.ProblemException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps payments in step with what the processor tells by webhook (signature checked by
 * {@link WebhookSignatures}). Each processor event is handled once: its id is recorded with the
 * change, and a replayed id is refused. Handled types:
 * <ul>
 * <li>{@code payment_intent.succeeded}: a pending, failed or cancelled payment becomes captured
 * ({@code PaymentSucceeded}; for an order cancelled meanwhile, order-service asks for the refund);</li>
 * <li>{@code payment_intent.payment_failed}: a pending payment fails ({@code PaymentFailed});</li>
 * <li>{@code charge.refunded}: refunds made at the processor that we do not know yet are recorded
 * ({@code PaymentRefunded} each).</li>
 * </ul>
 * Others are recorded and ignored. The payment is found by the processor's id, else by the
 * {@code metadata.order_id} the adapter sends.
 */
@Service
class ProcessorWebhooks {

	private static final Logger log = LoggerFactory.getLogger(ProcessorWebhooks.class);

	private final Payments payments;

	private final Refunds refunds;

	private final ApplicationEventPublisher events;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ProcessorWebhooks(Payments payments, Refunds refunds, ApplicationEventPublisher events, JdbcTemplate jdbc,
			Clock clock) {
		this.payments = payments;
		this.refunds = refunds;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	void handle(String eventId, String type, JsonNode object) {
		Instant now = this.clock.instant();
		int first = this.jdbc.update(
				"INSERT INTO webhook_events (event_id, type, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
				eventId, type, Timestamp.from(now));
		if (first == 0) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "webhook-replayed",
					"This webhook event was received before; nothing was changed.")
				.with("eventId", eventId);
		}
		switch (type) {
			case "payment_intent.succeeded" -> find(object.path("id"), object).ifPresent(payment -> succeeded(payment,
					object, now));
			case "payment_intent.payment_failed" -> find(object.path("id"), object)
				.ifPresent(payment -> failed(payment, object, now));
			case "charge.refunded" -> find(object.path("payment_intent"), object)
				.ifPresent(payment -> refunded(payment, object, now));
			default -> log.debug("Ignoring webhook type={} eventId={}", type, eventId);
		}
	}

	private void succeeded(Payment payment, JsonNode intent, Instant now) {
		if (payment.status().everCaptured()) {
			return;
		}
		JsonNode card = intent.path("charges").path("data").path(0).path("payment_method_details").path("card");
		payment.captured(intent.path("id").asString(), text(card.path("brand")), text(card.path("last4")), now);
		this.events.publishEvent(PaymentEvents.succeeded(payment, now));
		log.info("Payment captured by webhook paymentId={} orderId={}", payment.id(), payment.orderId());
	}

	private void failed(Payment payment, JsonNode intent, Instant now) {
		if (payment.status() != PaymentStatus.PENDING) {
			return;
		}
		JsonNode error = intent.path("last_payment_error");
		String code = text(error.path("decline_code"));
		String reason = "payment failed: " + ((code != null) ? code
				: (text(error.path("code")) != null) ? text(error.path("code")) : "unknown");
		payment.failed(reason, intent.path("id").asString(), now);
		this.events.publishEvent(PaymentEvents.failed(payment, reason, now));
		log.info("Payment failed by webhook paymentId={} orderId={}", payment.id(), payment.orderId());
	}

	private void refunded(Payment payment, JsonNode charge, Instant now) {
		for (JsonNode made : charge.path("refunds").path("data")) {
			String refundId = text(made.path("id"));
			if (refundId == null || !made.path("amount").isIntegralNumber()
					|| this.refunds.existsByProcessorRefundId(refundId)) {
				continue;
			}
			BigDecimal amount = MinorUnits.toAmount(made.path("amount").asLong(), payment.currency());
			if (!payment.status().captured() || amount.signum() <= 0 || amount.compareTo(payment.refundable()) > 0) {
				log.warn("Webhook refund beyond what is captured paymentId={} refundId={}", payment.id(), refundId);
				continue;
			}
			Refund refund = new Refund(payment.id(), amount, "Refunded at the processor", refundId, "webhook", now);
			this.refunds.save(refund);
			payment.refunded(amount, now);
			this.events.publishEvent(PaymentEvents.refunded(payment, refund, now));
			log.info("Refund recorded from webhook paymentId={} refundId={}", payment.id(), refund.id());
		}
	}

	private Optional<Payment> find(JsonNode processorId, JsonNode object) {
		String id = text(processorId);
		Optional<Payment> payment = (id != null) ? this.payments.findLockedByProcessorId(id) : Optional.empty();
		if (payment.isEmpty()) {
			UUID orderId = uuid(text(object.path("metadata").path("order_id")));
			if (orderId != null) {
				payment = this.payments.findLockedByOrderId(orderId);
			}
		}
		if (payment.isEmpty()) {
			log.warn("Webhook for no payment of ours processorId={}", id);
		}
		return payment;
	}

	private static @Nullable UUID uuid(@Nullable String text) {
		try {
			return (text != null) ? UUID.fromString(text) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable String text(JsonNode node) {
		return (node.isString() && !node.asString().isBlank()) ? node.asString() : null;
	}

}
