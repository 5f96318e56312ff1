package com.emporium.payment.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Money given back of a payment, all or part of it. */
@Entity
@Table(name = "refunds")
class Refund {

	@Id
	private UUID id;

	@Column(name = "payment_id")
	private UUID paymentId;

	private BigDecimal amount;

	private String reason;

	@Column(name = "processor_refund_id")
	private String processorRefundId;

	@Column(name = "requested_by")
	private String requestedBy;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Refund() {
		// for JPA
	}

	Refund(UUID paymentId, BigDecimal amount, String reason, String processorRefundId, String requestedBy,
			Instant now) {
		this.id = UUID.randomUUID();
		this.paymentId = paymentId;
		this.amount = amount;
		this.reason = reason;
		this.processorRefundId = processorRefundId;
		this.requestedBy = requestedBy;
		this.createdAt = now;
	}

	UUID id() {
		return this.id;
	}

	UUID paymentId() {
		return this.paymentId;
	}

	BigDecimal amount() {
		return this.amount;
	}

	String reason() {
		return this.reason;
	}

	String processorRefundId() {
		return this.processorRefundId;
	}

	String requestedBy() {
		return this.requestedBy;
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
