package com.emporium.order.orders;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.order.Amounts;
import com.emporium.order.MalformedEventException;
import com.emporium.order.orders.SagaEvents.PaymentFailed;
import com.emporium.order.orders.SagaEvents.PaymentRefunded;
import com.emporium.order.orders.SagaEvents.PaymentSucceeded;
import com.emporium.order.orders.SagaEvents.StockReleased;
import com.emporium.order.orders.SagaEvents.StockReservationFailed;
import com.emporium.order.orders.SagaEvents.StockReserved;
import com.emporium.platform.events.EventEnvelope;
import com.emporium.platform.events.ProcessedEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order's side of the saga: moves an order on the stock and payment events of product-service
 * and payment-service. Each event is handled once (its id recorded in {@code processed_event} with
 * the change), and only from the statuses it applies to: events come in any order across topics,
 * so one that finds the order elsewhere (a payment for an order still {@code PENDING}, a release
 * after confirmation) is logged and dropped, never retried. The moves publish
 * {@code PaymentRequested}, {@code OrderConfirmed} and {@code OrderCancelled} through
 * {@link OrderLifecycle}.
 */
@Component
class OrderSaga {

	static final String CONSUMER = "order-saga";

	private static final Logger log = LoggerFactory.getLogger(OrderSaga.class);

	private final Orders orders;

	private final OrderLifecycle lifecycle;

	private final ProcessedEvents processedEvents;

	OrderSaga(Orders orders, OrderLifecycle lifecycle, ProcessedEvents processedEvents) {
		this.orders = orders;
		this.lifecycle = lifecycle;
		this.processedEvents = processedEvents;
	}

	// The group is the service's (spring.kafka.consumer.group-id), not the listener id.
	@KafkaListener(id = "saga-stock-reserved", idIsGroup = false, topics = "emporium.product.stock-reserved.v1")
	@Transactional
	public void stockReserved(EventEnvelope<StockReserved> event) {
		StockReserved reserved = MalformedEventException.data(event);
		order(event, reserved.orderId(), EnumSet.of(OrderStatus.PENDING)).ifPresent(order -> this.lifecycle.move(order,
				OrderStatus.AWAITING_PAYMENT, by(event),
				(reserved.expiresAt() != null) ? "Stock reserved until " + reserved.expiresAt() : "Stock reserved"));
	}

	@KafkaListener(id = "saga-stock-reservation-failed", idIsGroup = false,
			topics = "emporium.product.stock-reservation-failed.v1")
	@Transactional
	public void stockReservationFailed(EventEnvelope<StockReservationFailed> event) {
		StockReservationFailed failed = MalformedEventException.data(event);
		order(event, failed.orderId(), EnumSet.of(OrderStatus.PENDING))
			.ifPresent(order -> this.lifecycle.move(order, OrderStatus.CANCELLED, by(event), shortages(failed)));
	}

	@KafkaListener(id = "saga-stock-released", idIsGroup = false, topics = "emporium.product.stock-released.v1")
	@Transactional
	public void stockReleased(EventEnvelope<StockReleased> event) {
		StockReleased released = MalformedEventException.data(event);
		// From PENDING too: a release handled before its StockReserved (another topic) still means
		// the order has no stock, and the late StockReserved then finds it cancelled.
		order(event, released.orderId(), EnumSet.of(OrderStatus.PENDING, OrderStatus.AWAITING_PAYMENT))
			.ifPresent(order -> this.lifecycle.move(order, OrderStatus.CANCELLED, by(event),
					"The stock reservation ended before payment"
							+ ((released.reason() != null) ? ": " + released.reason() : "")));
	}

	@KafkaListener(id = "saga-payment-succeeded", idIsGroup = false,
			topics = "emporium.payment.payment-succeeded.v1")
	@Transactional
	public void paymentSucceeded(EventEnvelope<PaymentSucceeded> event) {
		PaymentSucceeded paid = MalformedEventException.data(event);
		Optional<Order> order = order(event, paid.orderId(),
				EnumSet.of(OrderStatus.AWAITING_PAYMENT, OrderStatus.CANCELLED));
		if (order.isEmpty()) {
			return;
		}
		if (order.get().status() == OrderStatus.CANCELLED) {
			// Money taken for an order cancelled meanwhile (reservation expired, customer cancelled):
			// it must go back.
			this.lifecycle.paidAfterCancellation(order.get(), by(event));
			return;
		}
		if (paid.amount() != null && paid.amount().compareTo(order.get().total()) != 0) {
			log.warn("Payment amount differs from the order total orderId={} paymentId={}", order.get().id(),
					paid.paymentId());
		}
		this.lifecycle.move(order.get(), OrderStatus.CONFIRMED, by(event),
				(paid.paymentId() != null) ? "Paid: payment " + paid.paymentId() : "Paid");
	}

	@KafkaListener(id = "saga-payment-failed", idIsGroup = false, topics = "emporium.payment.payment-failed.v1")
	@Transactional
	public void paymentFailed(EventEnvelope<PaymentFailed> event) {
		PaymentFailed failed = MalformedEventException.data(event);
		order(event, failed.orderId(), EnumSet.of(OrderStatus.AWAITING_PAYMENT))
			.ifPresent(order -> this.lifecycle.move(order, OrderStatus.CANCELLED, by(event),
					"Payment failed" + ((failed.reason() != null) ? ": " + failed.reason() : "")));
	}

	@KafkaListener(id = "saga-payment-refunded", idIsGroup = false,
			topics = "emporium.payment.payment-refunded.v1")
	@Transactional
	public void paymentRefunded(EventEnvelope<PaymentRefunded> event) {
		PaymentRefunded refunded = MalformedEventException.data(event);
		Optional<Order> found = order(event, refunded.orderId(),
				EnumSet.of(OrderStatus.CANCELLED, OrderStatus.DELIVERED));
		if (found.isEmpty()) {
			return;
		}
		Order order = found.get();
		if (order.status() == OrderStatus.CANCELLED && !order.refundDue()) {
			log.warn("Ignoring {} for a cancelled order that was never paid orderId={} eventId={}", event.type(),
					order.id(), event.id());
			return;
		}
		// Refunds add up per order, each counted once: the same refund reported again under another
		// event id (a redelivery by payment-service) changes nothing.
		String refundId = (refunded.refundId() != null) ? refunded.refundId() : "event:" + event.id();
		BigDecimal amount = (refunded.amount() != null) ? refunded.amount() : BigDecimal.ZERO;
		if (!order.countRefund(refundId, amount)) {
			log.warn("Ignoring {} for a refund counted already orderId={} refundId={} eventId={}", event.type(),
					order.id(), refundId, event.id());
			return;
		}
		String note = "Refunded %s %s: refund %s of payment %s (%s of %s refunded in all)".formatted(
				refunded.amount(), refunded.currency(), refunded.refundId(), refunded.paymentId(),
				Amounts.of(order.refundedAmount(), order.currency()), Amounts.of(order.total(), order.currency()));
		if (order.status() == OrderStatus.CANCELLED || order.refundedInFull()) {
			// Cancelled and paid: the refund the cancellation asked for (payment-service refunds all
			// that is left). Delivered: the refunds now make the whole total.
			this.lifecycle.move(order, OrderStatus.REFUNDED, by(event), note);
		}
		else {
			this.lifecycle.recordRefund(order, by(event), "Partly " + note);
		}
	}

	/**
	 * The order the event is about, locked, if this is the event's first delivery and the order is
	 * in one of the statuses the event applies to.
	 */
	private Optional<Order> order(EventEnvelope<?> event, @Nullable UUID orderId, Set<OrderStatus> appliesTo) {
		if (orderId == null) {
			throw new MalformedEventException(event, "orderId");
		}
		if (!this.processedEvents.firstDelivery(CONSUMER, Objects.requireNonNull(event.id()))) {
			log.debug("Skipping duplicate event eventId={}", event.id());
			return Optional.empty();
		}
		Optional<Order> order = this.orders.findLocked(orderId);
		if (order.isEmpty()) {
			log.warn("Ignoring {} for an unknown order orderId={} eventId={}", event.type(), orderId, event.id());
			return Optional.empty();
		}
		if (!appliesTo.contains(order.get().status())) {
			log.warn("Ignoring {} for an order that is {} orderId={} eventId={}", event.type(), order.get().status(),
					orderId, event.id());
			return Optional.empty();
		}
		return order;
	}

	private static String shortages(StockReservationFailed failed) {
		List<StockReservationFailed.Line> lines = (failed.lines() != null) ? failed.lines() : List.of();
		if (lines.isEmpty()) {
			return "Not enough stock";
		}
		return "Not enough stock: " + lines.stream()
			.map(line -> "%s (requested %s, available %s)".formatted(line.sku(), line.requested(), line.available()))
			.collect(Collectors.joining(", "));
	}

	private static String by(EventEnvelope<?> event) {
		return "event:" + event.type();
	}

}
