package com.emporium.payment.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.payment.MinorUnits;

/**
 * A payment as its customer and staff see it. Amounts at the currency's scale.
 *
 * @param refundable what may still be refunded (captured less refunds)
 * @param card the card's brand and last four digits, if a card was used
 * @param failureReason why it failed, was declined last, or was cancelled
 */
public record PaymentView(UUID id, UUID orderId, String orderNumber, UUID customerId, BigDecimal amount,
		String currency, PaymentMethod method, PaymentStatus status, BigDecimal refundedAmount, BigDecimal refundable,
		@Nullable CardView card, @Nullable String failureReason, List<RefundView> refunds, Instant createdAt,
		Instant updatedAt, @Nullable Instant capturedAt) {

	/** What may be shown of a card. */
	public record CardView(String brand, String last4) {
	}

	/** A refund: {@code id} is the {@code refundId} of its {@code PaymentRefunded} event. */
	public record RefundView(UUID id, BigDecimal amount, String reason, Instant createdAt) {
	}

	static PaymentView of(Payment payment, List<Refund> refunds) {
		CardView card = (payment.cardLast4() != null)
				? new CardView((payment.cardBrand() != null) ? payment.cardBrand() : "unknown", payment.cardLast4())
				: null;
		return new PaymentView(payment.id(), payment.orderId(), payment.orderNumber(), payment.customerId(),
				payment.amount(), payment.currency(), payment.method(), payment.status(), payment.refundedAmount(),
				payment.refundable(), card, payment.failureReason(),
				refunds.stream()
					.map(refund -> new RefundView(refund.id(),
							MinorUnits.scaled(refund.amount(), payment.currency()),
							refund.reason(), refund.createdAt()))
					.toList(),
				payment.createdAt(), payment.updatedAt(), payment.capturedAt());
	}

}
