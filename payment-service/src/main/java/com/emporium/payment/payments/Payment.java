package com.emporium.payment.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import com.emporium.payment.MinorUnits;

/**
 * The payment of one order. Its status changes only through the methods here; the sum of refunds
 * never exceeds the captured amount (checked here, and by the table).
 */
@Entity
@Table(name = "payments")
class Payment {

	@Id
	private UUID id;

	@Column(name = "order_id")
	private UUID orderId;

	@Column(name = "order_number")
	private String orderNumber;

	@Column(name = "customer_id")
	private UUID customerId;

	private BigDecimal amount;

	private String currency;

	@Enumerated(EnumType.STRING)
	private PaymentMethod method;

	@Enumerated(EnumType.STRING)
	private PaymentStatus status;

	@Column(name = "refunded_amount")
	private BigDecimal refundedAmount;

	@Column(name = "card_brand")
	private @Nullable String cardBrand;

	@Column(name = "card_last4")
	private @Nullable String cardLast4;

	@Column(name = "processor_id")
	private @Nullable String processorId;

	@Column(name = "failure_reason")
	private @Nullable String failureReason;

	private int attempts;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "captured_at")
	private @Nullable Instant capturedAt;

	@Version
	private @Nullable Long version;

	protected Payment() {
		// for JPA
	}

	Payment(UUID orderId, String orderNumber, UUID customerId, BigDecimal amount, String currency,
			PaymentMethod method, Instant now) {
		this.id = UUID.randomUUID();
		this.orderId = orderId;
		this.orderNumber = orderNumber;
		this.customerId = customerId;
		this.amount = MinorUnits.scaled(amount, currency);
		this.currency = currency;
		this.method = method;
		this.status = PaymentStatus.PENDING;
		this.refundedAmount = BigDecimal.ZERO;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * The money is taken. From {@code PENDING}, or, when the processor tells (webhook) that money
	 * arrived after all, from {@code FAILED} (a charge we gave up on) or {@code CANCELLED} (a
	 * transfer for an order cancelled meanwhile): order-service then asks for the refund.
	 */
	void captured(String processorId, @Nullable String brand, @Nullable String last4, Instant now) {
		if (this.status.everCaptured()) {
			throw new IllegalStateException("A %s payment cannot be captured".formatted(this.status));
		}
		this.status = PaymentStatus.SUCCEEDED;
		this.processorId = processorId;
		if (brand != null) {
			this.cardBrand = brand;
		}
		if (last4 != null) {
			this.cardLast4 = last4;
		}
		this.failureReason = null;
		this.capturedAt = now;
		this.updatedAt = now;
	}

	/** Paid by the customer ({@code POST /payments}) with another method than the order named. */
	void paidWith(PaymentMethod method) {
		this.method = method;
	}

	/** A customer's card for a payment still pending was declined: they may try another. */
	void declined(String reason, @Nullable String brand, @Nullable String last4, Instant now) {
		this.failureReason = reason;
		this.cardBrand = brand;
		this.cardLast4 = last4;
		this.attempts++;
		this.updatedAt = now;
	}

	/** Nothing was taken and nothing more will be tried. */
	void failed(String reason, @Nullable String processorId, Instant now) {
		if (this.status != PaymentStatus.PENDING) {
			throw new IllegalStateException("A %s payment cannot fail".formatted(this.status));
		}
		this.status = PaymentStatus.FAILED;
		this.failureReason = reason;
		if (processorId != null) {
			this.processorId = processorId;
		}
		this.updatedAt = now;
	}

	/** The order was cancelled before money was taken: nothing will be. */
	void cancel(String reason, Instant now) {
		if (this.status == PaymentStatus.PENDING) {
			this.status = PaymentStatus.CANCELLED;
			this.failureReason = reason;
			this.updatedAt = now;
		}
	}

	/** Records a refund that the processor made. */
	void refunded(BigDecimal refund, Instant now) {
		if (!this.status.captured() || refund.signum() <= 0 || refund.compareTo(refundable()) > 0) {
			throw new IllegalStateException("Refund beyond what is captured");
		}
		this.refundedAmount = this.refundedAmount.add(refund);
		this.status = (this.refundedAmount.compareTo(this.amount) == 0) ? PaymentStatus.REFUNDED
				: PaymentStatus.PARTIALLY_REFUNDED;
		this.updatedAt = now;
	}

	/** What may still be refunded: the captured amount less the refunds; zero when nothing was captured. */
	BigDecimal refundable() {
		return this.status.captured() ? MinorUnits.scaled(this.amount.subtract(this.refundedAmount), this.currency)
				: MinorUnits.scaled(BigDecimal.ZERO, this.currency);
	}

	/**
	 * The processor's idempotency key of the next charge of this payment: the order's id, and the
	 * attempt for retries by the customer after a decline (a crash before our commit leaves the
	 * attempt count as it was, so a retry sends the same key).
	 */
	String chargeKey() {
		return (this.attempts == 0) ? "order-" + this.orderId : "order-" + this.orderId + "-" + this.attempts;
	}

	UUID id() {
		return this.id;
	}

	UUID orderId() {
		return this.orderId;
	}

	String orderNumber() {
		return this.orderNumber;
	}

	UUID customerId() {
		return this.customerId;
	}

	BigDecimal amount() {
		return MinorUnits.scaled(this.amount, this.currency);
	}

	String currency() {
		return this.currency;
	}

	PaymentMethod method() {
		return this.method;
	}

	PaymentStatus status() {
		return this.status;
	}

	BigDecimal refundedAmount() {
		return MinorUnits.scaled(this.refundedAmount, this.currency);
	}

	@Nullable String cardBrand() {
		return this.cardBrand;
	}

	@Nullable String cardLast4() {
		return this.cardLast4;
	}

	@Nullable String processorId() {
		return this.processorId;
	}

	@Nullable String failureReason() {
		return this.failureReason;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	@Nullable Instant capturedAt() {
		return this.capturedAt;
	}

}
