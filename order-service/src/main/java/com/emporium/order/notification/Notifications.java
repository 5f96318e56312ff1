package com.emporium.order.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code notifications} table. SQL rather than entities: the unique key decides "once per order
 * and kind", and senders claim due rows with {@code FOR UPDATE SKIP LOCKED}, so that several
 * instances share the work without sending one twice.
 */
@Repository
class Notifications {

	static final String PENDING = "PENDING";

	static final String SENT = "SENT";

	static final String SKIPPED = "SKIPPED";

	static final String FAILED = "FAILED";

	private final NamedParameterJdbcTemplate jdbc;

	Notifications(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A notification claimed for sending; {@code attempts} counts this one. */
	record Due(UUID id, UUID orderId, NotificationKind kind, String recipient, String subject, String body,
			int attempts) {
	}

	boolean exists(UUID orderId, NotificationKind kind) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM notifications WHERE order_id = :order AND kind = :kind)",
				new MapSqlParameterSource("order", orderId).addValue("kind", kind.name()), Boolean.class));
	}

	/** A notification to send now. @return false if the order has one of this kind already */
	boolean pending(UUID orderId, NotificationKind kind, UUID customerId, String recipient, String subject,
			String body, Instant now) {
		return insert(orderId, kind, customerId, recipient, subject, body, PENDING, null, now);
	}

	/** A notification that will not be sent, and why. @return false if the order has one of this kind */
	boolean skipped(UUID orderId, NotificationKind kind, UUID customerId, String reason, Instant now) {
		return insert(orderId, kind, customerId, null, null, null, SKIPPED, reason, now);
	}

	private boolean insert(UUID orderId, NotificationKind kind, UUID customerId, @Nullable String recipient,
			@Nullable String subject, @Nullable String body, String status, @Nullable String reason, Instant now) {
		return this.jdbc.update("""
				INSERT INTO notifications (id, order_id, kind, customer_id, recipient, subject, body, status, reason,
				                           attempts, next_attempt_at, created_at)
				VALUES (:id, :order, :kind, :customer, :recipient, :subject, :body, :status, :reason, 0, :next, :now)
				ON CONFLICT (order_id, kind) DO NOTHING""",
				new MapSqlParameterSource("id", UUID.randomUUID()).addValue("order", orderId)
					.addValue("kind", kind.name())
					.addValue("customer", customerId)
					.addValue("recipient", recipient)
					.addValue("subject", subject)
					.addValue("body", body)
					.addValue("status", status)
					.addValue("reason", reason)
					.addValue("next", PENDING.equals(status) ? Timestamp.from(now) : null)
					.addValue("now", Timestamp.from(now))) == 1;
	}

	/**
	 * Claims up to {@code limit} due notifications: counts the attempt and hides them until
	 * {@code until}, so that no other sender takes them meanwhile (nor, should this one die, for
	 * longer than that).
	 */
	@Transactional
	List<Due> claim(Instant now, int limit, Instant until) {
		return this.jdbc.query("""
				UPDATE notifications n SET attempts = n.attempts + 1, next_attempt_at = :until
				FROM (SELECT id FROM notifications
				      WHERE status = 'PENDING' AND next_attempt_at <= :now
				      ORDER BY next_attempt_at
				      LIMIT :limit
				      FOR UPDATE SKIP LOCKED) due
				WHERE n.id = due.id
				RETURNING n.id, n.order_id, n.kind, n.recipient, n.subject, n.body, n.attempts""",
				new MapSqlParameterSource("now", Timestamp.from(now)).addValue("limit", limit)
					.addValue("until", Timestamp.from(until)),
				(row, index) -> new Due(row.getObject("id", UUID.class), row.getObject("order_id", UUID.class),
						NotificationKind.valueOf(row.getString("kind")), row.getString("recipient"),
						row.getString("subject"), row.getString("body"), row.getInt("attempts")));
	}

	/** Sent; unless it was skipped meanwhile (its customer erased). */
	void sent(UUID id, Instant now) {
		this.jdbc.update("""
				UPDATE notifications SET status = 'SENT', sent_at = :now, next_attempt_at = NULL, reason = NULL
				WHERE id = :id AND status = 'PENDING'""",
				new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(now)));
	}

	/** Failed this time: tried again from {@code next}. */
	void retryAt(UUID id, Instant next, String error) {
		this.jdbc.update("""
				UPDATE notifications SET next_attempt_at = :next, reason = :error
				WHERE id = :id AND status = 'PENDING'""",
				new MapSqlParameterSource("id", id).addValue("next", Timestamp.from(next))
					.addValue("error", truncate(error)));
	}

	/** Given up. */
	void failed(UUID id, String error) {
		this.jdbc.update("""
				UPDATE notifications SET status = 'FAILED', next_attempt_at = NULL, reason = :error
				WHERE id = :id AND status = 'PENDING'""",
				new MapSqlParameterSource("id", id).addValue("error", truncate(error)));
	}

	/**
	 * Forgets an erased customer's address and the texts (they greet them by name); what was not sent
	 * yet never will be. The subject (the order number) and the status stay: what the shop told whom
	 * is still known by customer id.
	 * @return how many notifications the customer had
	 */
	int erase(UUID customerId, String reason) {
		return this.jdbc.update("""
				UPDATE notifications
				SET recipient = NULL, body = NULL, next_attempt_at = NULL,
				    reason = CASE WHEN status = 'PENDING' THEN :reason ELSE reason END,
				    status = CASE WHEN status = 'PENDING' THEN 'SKIPPED' ELSE status END
				WHERE customer_id = :customer""",
				new MapSqlParameterSource("customer", customerId).addValue("reason", reason));
	}

	private static String truncate(String text) {
		return (text.length() <= 500) ? text : text.substring(0, 500);
	}

}
