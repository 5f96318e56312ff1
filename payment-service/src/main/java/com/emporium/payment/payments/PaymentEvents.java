package com.emporium.payment.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.emporium.payment.MinorUnits;
import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * What payment-service tells the others, each published through the outbox with the change that
 * made it. Topics {@code emporium.payment.<event>.v1}, key = order id (so that one order's payment
 * events keep their order); contracts in {@code docs/events.md}.
 */
public final class PaymentEvents {

	private PaymentEvents() {
	}

	/**
	 * The order's amount was captured (or, for cash on delivery, accepted for collection at the
	 * door: docs/payments.md).
	 */
	@Externalized("emporium.payment.payment-succeeded.v1::#{#this.subject()}")
	public record PaymentSucceeded(UUID eventId, Instant occurredAt, UUID paymentId, UUID orderId, BigDecimal amount,
			String currency) implements EmporiumEvent {

		@Override
		public String subject() {
			return this.orderId.toString();
		}

	}

	/** Declined, or given up on: nothing was captured. */
	@Externalized("emporium.payment.payment-failed.v1::#{#this.subject()}")
	public record PaymentFailed(UUID eventId, Instant occurredAt, UUID paymentId, UUID orderId,
			String reason) implements EmporiumEvent {

		@Override
		public String subject() {
			return this.orderId.toString();
		}

	}

	/** {@code amount} of the payment went back to the customer. */
	@Externalized("emporium.payment.payment-refunded.v1::#{#this.subject()}")
	public record PaymentRefunded(UUID eventId, Instant occurredAt, UUID paymentId, UUID orderId, BigDecimal amount,
			String currency, String refundId) implements EmporiumEvent {

		@Override
		public String subject() {
			return this.orderId.toString();
		}

	}

	static PaymentSucceeded succeeded(Payment payment, Instant now) {
		return new PaymentSucceeded(UUID.randomUUID(), now, payment.id(), payment.orderId(), payment.amount(),
				payment.currency());
	}

	static PaymentFailed failed(Payment payment, String reason, Instant now) {
		return new PaymentFailed(UUID.randomUUID(), now, payment.id(), payment.orderId(), reason);
	}

	static PaymentRefunded refunded(Payment payment, Refund refund, Instant now) {
		return new PaymentRefunded(UUID.randomUUID(), now, payment.id(), payment.orderId(),
				MinorUnits.scaled(refund.amount(), payment.currency()), payment.currency(),
				refund.id().toString());
	}

}
