package com.emporium.payment.payments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code POST /payments} Idempotency-Keys, per customer (Stripe's semantics). The primary key
 * decides between concurrent requests with the same key: the second one's insert waits for the
 * first transaction, then finds what it did. A request that fails (bad input, no answer from the
 * processor) rolls its key back with everything else, so it may be retried with the same key.
 */
@Component
class PaymentKeys {

	private final JdbcTemplate jdbc;

	PaymentKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A key used before: the request's hash, the payment it paid, or the decline it got. */
	record Used(String requestHash, @Nullable UUID paymentId, @Nullable String declineCode,
			@Nullable String declineMessage) {
	}

	/**
	 * Claims the key for this request, first forgetting the customer's keys used before
	 * {@code expiredBefore}.
	 * @return empty if the key is now this request's, else its earlier use
	 */
	Optional<Used> claim(UUID customerId, String key, String requestHash, Instant now, Instant expiredBefore) {
		this.jdbc.update("DELETE FROM payment_keys WHERE customer_id = ? AND created_at < ?", customerId,
				Timestamp.from(expiredBefore));
		int claimed = this.jdbc.update("""
				INSERT INTO payment_keys (customer_id, idempotency_key, request_hash, created_at)
				VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""", customerId, key, requestHash, Timestamp.from(now));
		if (claimed == 1) {
			return Optional.empty();
		}
		List<Used> used = this.jdbc.query("""
				SELECT request_hash, payment_id, decline_code, decline_message FROM payment_keys
				WHERE customer_id = ? AND idempotency_key = ?""",
				(row, i) -> new Used(row.getString("request_hash"), row.getObject("payment_id", UUID.class),
						row.getString("decline_code"), row.getString("decline_message")),
				customerId, key);
		return used.stream().findFirst();
	}

	void answered(UUID customerId, String key, UUID paymentId, @Nullable String declineCode,
			@Nullable String declineMessage) {
		this.jdbc.update("""
				UPDATE payment_keys SET payment_id = ?, decline_code = ?, decline_message = ?
				WHERE customer_id = ? AND idempotency_key = ?""", paymentId, declineCode, declineMessage, customerId,
				key);
	}

}
