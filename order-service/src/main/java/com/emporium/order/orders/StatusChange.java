package com.emporium.order.orders;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** One entry of an order's history: from which status to which, when, by whom and why. */
@Entity
@Table(name = "order_status_changes")
class StatusChange {

	@Id
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "order_id")
	private Order order;

	@Enumerated(EnumType.STRING)
	@Column(name = "from_status")
	private @Nullable OrderStatus from;

	@Enumerated(EnumType.STRING)
	@Column(name = "to_status")
	private OrderStatus to;

	@Column(name = "changed_at")
	private Instant at;

	@Column(name = "changed_by")
	private String by;

	private @Nullable String note;

	protected StatusChange() {
		// for JPA
	}

	StatusChange(Order order, @Nullable OrderStatus from, OrderStatus to, Instant at, String by,
			@Nullable String note) {
		this.id = UUID.randomUUID();
		this.order = order;
		this.from = from;
		this.to = to;
		this.at = at;
		this.by = by;
		this.note = note;
	}

	/** Drops the note of an entry the customer made (a cancellation reason in their words). */
	void eraseIfByCustomer() {
		if ("customer".equals(this.by) && this.from != null) {
			this.note = null;
		}
	}

	@Nullable OrderStatus from() {
		return this.from;
	}

	OrderStatus to() {
		return this.to;
	}

	Instant at() {
		return this.at;
	}

	String by() {
		return this.by;
	}

	@Nullable String note() {
		return this.note;
	}

}
