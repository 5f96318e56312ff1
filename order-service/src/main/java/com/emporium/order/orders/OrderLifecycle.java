package com.emporium.order.orders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.events.EmporiumEvent;
import com.emporium.platform.security.Caller;
import com.emporium.platform.web.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads orders for their customers and the shop's staff, and moves them along their lifecycle: a
 * customer's cancellation, a manager's status change, the saga's events. Every move goes through
 * {@link #move}, which follows {@link OrderStatus}'s table, records the history and publishes what
 * the move announces, in one transaction.
 */
@Service
public class OrderLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OrderLifecycle.class);

	private final Orders orders;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrderLifecycle(Orders orders, ApplicationEventPublisher events, Clock clock) {
		this.orders = orders;
		this.events = events;
		this.clock = clock;
	}

	/** An order its customer or staff may see; anyone else gets the 404 an unknown id gets. */
	@Transactional(readOnly = true)
	public OrderView get(Caller caller, UUID id) {
		return OrderViews.of(this.orders.findById(id)
			.filter(order -> caller.isStaff() || caller.is(order.customerId()))
			.orElseThrow(() -> new NotFoundException("Order", id)));
	}

	/** Any order, for the features of this service (notifications); no access check. */
	@Transactional(readOnly = true)
	public Optional<OrderView> find(UUID id) {
		return this.orders.findById(id).map(OrderViews::of);
	}

	/** Orders filtered by customer, status and placing time, newest first. */
	@Transactional(readOnly = true)
	public Page<OrderSummary> list(@Nullable UUID customerId, @Nullable OrderStatus status, @Nullable Instant from,
			@Nullable Instant to, Pageable page) {
		Specification<Order> filter = (root, query, criteria) -> {
			List<Predicate> where = new ArrayList<>();
			if (customerId != null) {
				where.add(criteria.equal(root.get("customerId"), customerId));
			}
			if (status != null) {
				where.add(criteria.equal(root.get("status"), status));
			}
			if (from != null) {
				where.add(criteria.greaterThanOrEqualTo(root.get("placedAt"), from));
			}
			if (to != null) {
				where.add(criteria.lessThan(root.get("placedAt"), to));
			}
			query.orderBy(criteria.desc(root.get("placedAt")), criteria.desc(root.get("id")));
			return criteria.and(where.toArray(Predicate[]::new));
		};
		return this.orders.findAll(filter, page).map(OrderViews::summary);
	}

	/** The customer cancels before shipping; a paid order is refunded. Staff use {@link #change}. */
	@Transactional
	public OrderView cancel(Caller caller, UUID id, @Nullable String reason) {
		Order order = this.orders.findLocked(id)
			.filter(found -> caller.is(found.customerId()))
			.orElseThrow(() -> new NotFoundException("Order", id));
		move(order, OrderStatus.CANCELLED, "customer", (reason != null) ? reason : "Cancelled by the customer");
		return OrderViews.of(order);
	}

	/** Staff move an order along (ship it, deliver it, refund it, cancel it). */
	@Transactional
	public OrderView change(Caller staff, UUID id, OrderStatus status, @Nullable String note) {
		Order order = this.orders.findLocked(id).orElseThrow(() -> new NotFoundException("Order", id));
		move(order, status, "staff:" + staff.userId(), note);
		return OrderViews.of(order);
	}

	/** Asks for the refund of a payment that came after the order was cancelled. */
	void paidAfterCancellation(Order order, String by) {
		Instant now = this.clock.instant();
		order.paidAfterCancellation(by, now);
		this.events.publishEvent(java.util.Objects.requireNonNull(OrderEvents.of(order, "Paid after cancellation: refund due", now)));
		log.warn("Payment for a cancelled order, refund requested orderId={}", order.id());
	}

	/** Records a refund that leaves the order where it is (part of a delivered order). */
	void recordRefund(Order order, String by, String note) {
		order.recordRefund(by, note, this.clock.instant());
		log.info("Partial refund recorded orderId={} status={}", order.id(), order.status());
	}

	/** Moves the order, records it, and publishes what the move announces. */
	void move(Order order, OrderStatus next, String by, @Nullable String note) {
		OrderStatus from = order.status();
		Instant now = this.clock.instant();
		order.transition(next, by, note, now);
		EmporiumEvent event = OrderEvents.of(order, note, now);
		if (event != null) {
			this.events.publishEvent(event);
		}
		log.info("Order moved orderId={} from={} to={} by={}", order.id(), from, next, by);
	}

}
