package com.emporium.order.orders;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checkout's {@code Idempotency-Key}s, per customer. The primary key decides between concurrent
 * requests with the same key: the second one's insert waits for the first transaction, then finds
 * its row (and its order). A checkout that fails rolls its key back with everything else.
 */
@Component
class CheckoutKeys {

	private final JdbcTemplate jdbc;

	CheckoutKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A key used before: the hash of the request that used it and the order it made. */
	record Used(String requestHash, @Nullable UUID orderId) {
	}

	/**
	 * Claims the key for this request, first forgetting the customer's keys used before
	 * {@code expiredBefore} (so that the table holds about a day of keys per customer).
	 * @return empty if the key is now this request's, else its earlier use
	 */
	Optional<Used> claim(UUID customerId, String key, String requestHash, Instant now, Instant expiredBefore) {
		this.jdbc.update("DELETE FROM checkout_keys WHERE customer_id = ? AND created_at < ?", customerId,
				Timestamp.from(expiredBefore));
		int claimed = this.jdbc.update("""
				INSERT INTO checkout_keys (customer_id, idempotency_key, request_hash, created_at)
				VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""", customerId, key, requestHash, Timestamp.from(now));
		if (claimed == 1) {
			return Optional.empty();
		}
		List<Used> used = this.jdbc.query(
				"SELECT request_hash, order_id FROM checkout_keys WHERE customer_id = ? AND idempotency_key = ?",
				(row, i) -> new Used(row.getString("request_hash"), row.getObject("order_id", UUID.class)), customerId,
				key);
		return used.stream().findFirst();
	}

	void made(UUID customerId, String key, UUID orderId) {
		this.jdbc.update("UPDATE checkout_keys SET order_id = ? WHERE customer_id = ? AND idempotency_key = ?", orderId,
				customerId, key);
	}

}
