package com.emporium.platform.events;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent-consumer check for services on PostgreSQL. Call it first, inside the listener's
 * transaction: the {@code (consumer, event_id)} row commits together with the effect, or neither
 * does, so an event re-delivered after a crash is recognised.
 * <pre>{@code
 * @KafkaListener(topics = "emporium.order.order-placed.v1")
 * @Transactional
 * void on(EventEnvelope<OrderPlaced> event) {
 *     if (!processedEvents.firstDelivery("reserve-stock", event.id())) {
 *         return;
 *     }
 *     ...
 * }
 * }</pre>
 * A primary key decides, not a check-then-insert, so concurrent deliveries cannot both win.
 */
public class ProcessedEvents {

	private final JdbcTemplate jdbc;

	public ProcessedEvents(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the event for this consumer; {@code false} if it was processed before. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean firstDelivery(String consumer, UUID eventId) {
		return this.jdbc.update(
				"INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, now()) ON CONFLICT DO NOTHING",
				consumer, eventId) == 1;
	}

}
