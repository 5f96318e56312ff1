package com.emporium.order.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * The facts of an order's life after it was placed, each published through the outbox with the
 * status change that made it. Topics {@code emporium.order.<event>.v1}, key = order id; contracts
 * in {@code docs/events.md}.
 */
public final class OrderEvents {

	private OrderEvents() {
	}

	/** Stock is reserved: payment-service takes {@code amount} by {@code paymentMethod}. */
	@Externalized("emporium.order.payment-requested.v1::#{#this.subject()}")
	public record PaymentRequested(UUID eventId, Instant occurredAt, UUID orderId, String orderNumber,
			UUID customerId, BigDecimal amount, String currency, PaymentMethod paymentMethod) implements EmporiumEvent {

		@Override
		public String subject() {
			return this.orderId.toString();
		}

	}

	/** Paid: the order will be fulfilled. */
	@Externalized("emporium.order.order-confirmed.v1::#{#this.subject()}")
	public record OrderConfirmed(UUID eventId, Instant occurredAt, UUID orderId, String orderNumber, UUID customerId,
			BigDecimal total, String currency) implements EmporiumEvent {

		@Override
		public String subject() {
			return this.orderId.toString();
		}

	}

	/**
	 * Cancelled: product-service releases what it reserved; with {@code refund}, payment-service
	 * refunds what was captured.
	 */
	@Externalized("emporium.order.order-cancelled.v1::#{#this.subject()}")
	public record OrderCancelled(UUID eventId, Instant occurredAt, UUID orderId, String orderNumber, UUID customerId,
			@Nullable String reason, boolean refund) implements EmporiumEvent {

		@Override
		public String subject() {
			return this.orderId.toString();
		}

	}

	@Externalized("emporium.order.order-shipped.v1::#{#this.subject()}")
	public record OrderShipped(UUID eventId, Instant occurredAt, UUID orderId, String orderNumber, UUID customerId,
			@Nullable String note) implements EmporiumEvent {

		@Override
		public String subject() {
			return this.orderId.toString();
		}

	}

	@Externalized("emporium.order.order-delivered.v1::#{#this.subject()}")
	public record OrderDelivered(UUID eventId, Instant occurredAt, UUID orderId, String orderNumber,
			UUID customerId) implements EmporiumEvent {

		@Override
		public String subject() {
			return this.orderId.toString();
		}

	}

	/** The event a move to {@code status} announces, if any. */
	static @Nullable EmporiumEvent of(Order order, @Nullable String note, Instant now) {
		UUID id = UUID.randomUUID();
		return switch (order.status()) {
			case AWAITING_PAYMENT -> new PaymentRequested(id, now, order.id(), order.number(), order.customerId(),
					order.total(), order.currency(), order.paymentMethod());
			case CONFIRMED -> new OrderConfirmed(id, now, order.id(), order.number(), order.customerId(),
					order.total(), order.currency());
			case CANCELLED -> new OrderCancelled(id, now, order.id(), order.number(), order.customerId(), note,
					order.refundDue());
			case SHIPPED -> new OrderShipped(id, now, order.id(), order.number(), order.customerId(), note);
			case DELIVERED -> new OrderDelivered(id, now, order.id(), order.number(), order.customerId());
			case PENDING, PROCESSING, REFUNDED -> null;
		};
	}

}
