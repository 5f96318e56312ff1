package com.emporium.product.reviews;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.events.EventEnvelope;
import com.emporium.platform.events.ProcessedEvents;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who bought what, for "verified purchase". {@code OrderConfirmed} says an order was paid
 * but not what it holds; {@code OrderPlaced} says what it holds. Each is kept per order
 * ({@code purchase_orders}), in whichever order they come, and once both have come the order's
 * products become the customer's {@code purchases}. Idempotent ({@code processed_event}, consumer
 * {@code purchases}); a group of its own ({@code product-service-purchases}), so that the stock
 * reservations' listeners on the same topics each get every record.
 */
@Component
class Purchases {

	static final String CONSUMER = "purchases";

	static final String GROUP = "product-service-purchases";

	private static final Logger log = LoggerFactory.getLogger(Purchases.class);

	private final JdbcTemplate jdbc;

	private final ProcessedEvents processedEvents;

	Purchases(JdbcTemplate jdbc, ProcessedEvents processedEvents) {
		this.jdbc = jdbc;
		this.processedEvents = processedEvents;
	}

	@KafkaListener(id = "purchases-order-placed", groupId = GROUP, topics = "emporium.order.order-placed.v1")
	@Transactional
	public void placed(EventEnvelope<OrderPlaced> event) {
		OrderPlaced order = event.data();
		if (event.id() == null || order == null || order.orderId() == null || order.customerId() == null
				|| order.lines() == null || order.lines().stream().anyMatch(line -> line.productId() == null)) {
			throw new IllegalArgumentException("OrderPlaced " + event.id() + " lacks orderId, customerId or lines");
		}
		if (!this.processedEvents.firstDelivery(CONSUMER, event.id())) {
			return;
		}
		UUID[] products = order.lines().stream().map(OrderPlaced.Line::productId).distinct().toArray(UUID[]::new);
		this.jdbc.update("INSERT INTO purchase_orders (order_id, customer_id, product_ids) VALUES (?, ?, ?)"
				+ " ON CONFLICT (order_id) DO UPDATE SET customer_id = EXCLUDED.customer_id,"
				+ " product_ids = EXCLUDED.product_ids", order.orderId(), order.customerId(), products);
		record(order.orderId());
	}

	@KafkaListener(id = "purchases-order-confirmed", groupId = GROUP, topics = "emporium.order.order-confirmed.v1")
	@Transactional
	public void confirmed(EventEnvelope<OrderConfirmed> event) {
		OrderConfirmed order = event.data();
		if (event.id() == null || order == null || order.orderId() == null) {
			throw new IllegalArgumentException("OrderConfirmed " + event.id() + " lacks orderId");
		}
		if (!this.processedEvents.firstDelivery(CONSUMER, event.id())) {
			return;
		}
		Instant at = (order.occurredAt() != null) ? order.occurredAt() : event.time();
		this.jdbc.update("INSERT INTO purchase_orders (order_id, confirmed_at) VALUES (?, ?)"
				+ " ON CONFLICT (order_id) DO UPDATE SET confirmed_at = coalesce(purchase_orders.confirmed_at,"
				+ " EXCLUDED.confirmed_at)", order.orderId(), Timestamp.from(at));
		record(order.orderId());
	}

	/** An order both placed and confirmed: its products are the customer's purchases (the first order wins). */
	private void record(UUID orderId) {
		int added = this.jdbc.update("INSERT INTO purchases (user_id, product_id, order_id, purchased_at)"
				+ " SELECT o.customer_id, unnest(o.product_ids), o.order_id, o.confirmed_at FROM purchase_orders o"
				+ " WHERE o.order_id = ? AND o.customer_id IS NOT NULL AND o.product_ids IS NOT NULL"
				+ " AND o.confirmed_at IS NOT NULL ON CONFLICT DO NOTHING", orderId);
		if (added > 0) {
			log.info("Purchases recorded orderId={} products={}", orderId, added);
		}
	}

	/** Our view of {@code emporium.order.order-placed.v1}'s data: the fields we read. */
	record OrderPlaced(@Nullable UUID orderId, @Nullable UUID customerId, @Nullable List<Line> lines) {

		record Line(@Nullable UUID productId) {
		}

	}

	/** Our view of {@code emporium.order.order-confirmed.v1}'s data. */
	record OrderConfirmed(@Nullable UUID orderId, @Nullable Instant occurredAt) {
	}

}
