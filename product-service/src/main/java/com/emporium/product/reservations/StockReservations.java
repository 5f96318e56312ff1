package com.emporium.product.reservations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.events.EventEnvelope;
import com.emporium.platform.events.ProcessedEvents;
import com.emporium.product.catalog.Inventory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock side of the saga. Each order has at most one row in {@code stock_reservations}, locked
 * by every step that reads it, so steps for one order run one after the other and each acts only
 * from the state it applies to:
 * <ul>
 * <li>{@code OrderPlaced}: no row yet → take every line (or nothing) and record {@code RESERVED}
 * (publishing {@code StockReserved}) or {@code FAILED} ({@code StockReservationFailed}); a row
 * already there (a duplicate, or a cancellation that came first) → nothing.</li>
 * <li>{@code OrderConfirmed}: {@code RESERVED} → {@code SOLD} (the stock stays taken).</li>
 * <li>{@code OrderCancelled}: {@code RESERVED} or {@code SOLD} → stock put back,
 * {@code RELEASED}, {@code StockReleased}; no row yet → a {@code CANCELLED} row, so that a late
 * {@code OrderPlaced} reserves nothing.</li>
 * <li>expiry ({@link ReservationExpiry}): {@code RESERVED} past {@code expires_at} → released.</li>
 * </ul>
 * Consumers are idempotent ({@code processed_event}, consumer {@code stock-reservations}); a
 * record without {@code orderId} (or with a line without product, SKU or a positive quantity) goes
 * to {@code <topic>-dlt}.
 */
@Component
@EnableConfigurationProperties(ReservationProperties.class)
class StockReservations {

	static final String CONSUMER = "stock-reservations";

	static final String EXPIRED = "reservation expired";

	static final String CANCELLED = "order cancelled";

	private static final Logger log = LoggerFactory.getLogger(StockReservations.class);

	private final Inventory inventory;

	private final JdbcTemplate jdbc;

	private final ProcessedEvents processedEvents;

	private final ApplicationEventPublisher events;

	private final ReservationProperties properties;

	private final Clock clock;

	StockReservations(Inventory inventory, JdbcTemplate jdbc, ProcessedEvents processedEvents,
			ApplicationEventPublisher events, ReservationProperties properties, Clock clock) {
		this.inventory = inventory;
		this.jdbc = jdbc;
		this.processedEvents = processedEvents;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@KafkaListener(id = "reservations-order-placed", idIsGroup = false, topics = "emporium.order.order-placed.v1")
	@Transactional
	public void placed(EventEnvelope<OrderEvents.OrderPlaced> event) {
		OrderEvents.OrderPlaced order = event.data();
		if (event.id() == null || order == null || order.orderId() == null || order.lines() == null
				|| order.lines().isEmpty() || order.lines()
					.stream()
					.anyMatch(line -> line.productId() == null || line.sku() == null || line.quantity() == null
							|| line.quantity() <= 0)) {
			throw new MalformedOrderEventException(
					"OrderPlaced " + event.id() + " lacks orderId or lines with productId, sku and a quantity");
		}
		if (!this.processedEvents.firstDelivery(CONSUMER, event.id())) {
			return;
		}
		UUID orderId = order.orderId();
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.properties.ttl());
		// The row first: a second OrderPlaced for the order, or a cancellation that came first, stops here.
		if (this.jdbc.update("INSERT INTO stock_reservations (order_id, status, expires_at, created_at, updated_at)"
				+ " VALUES (?, 'RESERVED', ?, ?, ?) ON CONFLICT DO NOTHING", orderId, Timestamp.from(expiresAt),
				Timestamp.from(now), Timestamp.from(now)) == 0) {
			log.info("Order already known, nothing reserved orderId={} status={}", orderId, statusOf(orderId));
			return;
		}
		Inventory.Outcome outcome = this.inventory.take(order.lines()
			.stream()
			.map(line -> new Inventory.Line(line.productId(), line.sku(), line.quantity()))
			.toList(), now);
		if (!outcome.complete()) {
			this.jdbc.update("UPDATE stock_reservations SET status = 'FAILED', expires_at = NULL WHERE order_id = ?",
					orderId);
			this.events.publishEvent(new ReservationEvents.StockReservationFailed(UUID.randomUUID(), now, orderId,
					outcome.shortages()
						.stream()
						.map(line -> new ReservationEvents.StockReservationFailed.Line(line.productId(), line.sku(),
								line.requested(), line.available()))
						.toList()));
			log.info("Stock reservation failed orderId={} lines={}", orderId, outcome.shortages().size());
			return;
		}
		this.jdbc.batchUpdate(
				"INSERT INTO stock_reservation_lines (order_id, variant_id, product_id, sku, quantity) VALUES (?, ?, ?, ?, ?)",
				outcome.taken()
					.stream()
					.map(line -> new Object[] { orderId, line.variantId(), line.productId(), line.sku(), line.quantity() })
					.toList());
		this.events.publishEvent(new ReservationEvents.StockReserved(UUID.randomUUID(), now, orderId, expiresAt));
		log.info("Stock reserved orderId={} lines={} expiresAt={}", orderId, outcome.taken().size(), expiresAt);
	}

	@KafkaListener(id = "reservations-order-confirmed", idIsGroup = false,
			topics = "emporium.order.order-confirmed.v1")
	@Transactional
	public void confirmed(EventEnvelope<OrderEvents.OrderConfirmed> event) {
		OrderEvents.OrderConfirmed order = event.data();
		if (!firstDelivery(event, (order != null) ? order.orderId() : null)) {
			return;
		}
		String status = lockedStatusOf(order.orderId());
		if ("RESERVED".equals(status)) {
			this.jdbc.update("UPDATE stock_reservations SET status = 'SOLD', expires_at = NULL, updated_at = ?"
					+ " WHERE order_id = ?", Timestamp.from(this.clock.instant()), order.orderId());
			log.info("Stock reservation sold orderId={}", order.orderId());
		}
		else if (!"SOLD".equals(status)) {
			log.warn("OrderConfirmed for an order without a reservation orderId={} status={}", order.orderId(), status);
		}
	}

	@KafkaListener(id = "reservations-order-cancelled", idIsGroup = false,
			topics = "emporium.order.order-cancelled.v1")
	@Transactional
	public void cancelled(EventEnvelope<OrderEvents.OrderCancelled> event) {
		OrderEvents.OrderCancelled order = event.data();
		if (!firstDelivery(event, (order != null) ? order.orderId() : null)) {
			return;
		}
		Instant now = this.clock.instant();
		if (this.jdbc.update("INSERT INTO stock_reservations (order_id, status, reason, created_at, updated_at)"
				+ " VALUES (?, 'CANCELLED', ?, ?, ?) ON CONFLICT DO NOTHING", order.orderId(), CANCELLED,
				Timestamp.from(now), Timestamp.from(now)) == 1) {
			log.info("Order cancelled before it was placed here: nothing will be reserved orderId={}", order.orderId());
			return;
		}
		String status = lockedStatusOf(order.orderId());
		if ("RESERVED".equals(status) || "SOLD".equals(status)) {
			release(order.orderId(), CANCELLED, now);
		}
	}

	/**
	 * Releases reservations unpaid past their expiry, a batch at a time; rows another instance is
	 * releasing are skipped ({@code SKIP LOCKED}), never released twice.
	 * @return how many were released
	 */
	@Transactional
	int expire(Instant now, int batch) {
		List<UUID> due = this.jdbc.queryForList("SELECT order_id FROM stock_reservations WHERE status = 'RESERVED'"
				+ " AND expires_at <= ? ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED", UUID.class,
				Timestamp.from(now), batch);
		due.forEach(orderId -> release(orderId, EXPIRED, now));
		return due.size();
	}

	/** Puts a locked reservation's stock back and says so. */
	private void release(UUID orderId, String reason, Instant now) {
		List<Inventory.Taken> lines = this.jdbc.query(
				"SELECT variant_id, product_id, sku, quantity FROM stock_reservation_lines WHERE order_id = ?",
				(row, number) -> new Inventory.Taken(row.getObject("variant_id", UUID.class),
						row.getObject("product_id", UUID.class), row.getString("sku"), row.getInt("quantity")),
				orderId);
		this.inventory.putBack(lines, now);
		this.jdbc.update("UPDATE stock_reservations SET status = 'RELEASED', expires_at = NULL, reason = ?,"
				+ " updated_at = ? WHERE order_id = ?", reason, Timestamp.from(now), orderId);
		this.events.publishEvent(new ReservationEvents.StockReleased(UUID.randomUUID(), now, orderId, reason));
		log.info("Stock released orderId={} reason={}", orderId, reason);
	}

	/** Checks that an event names its order, then whether it is new to this consumer. */
	private boolean firstDelivery(EventEnvelope<?> event, @Nullable UUID orderId) {
		if (event.id() == null || orderId == null) {
			throw new MalformedOrderEventException(event.type() + " " + event.id() + " lacks orderId");
		}
		return this.processedEvents.firstDelivery(CONSUMER, event.id());
	}

	private @Nullable String lockedStatusOf(UUID orderId) {
		return this.jdbc
			.queryForList("SELECT status FROM stock_reservations WHERE order_id = ? FOR UPDATE", String.class, orderId)
			.stream()
			.findFirst()
			.orElse(null);
	}

	private @Nullable String statusOf(UUID orderId) {
		return this.jdbc.queryForList("SELECT status FROM stock_reservations WHERE order_id = ?", String.class, orderId)
			.stream()
			.findFirst()
			.orElse(null);
	}

	/** An event we can read but not use: it goes to the dead-letter topic with this message. */
	static final class MalformedOrderEventException extends RuntimeException {

		MalformedOrderEventException(String message) {
			super(message);
		}

	}

}
