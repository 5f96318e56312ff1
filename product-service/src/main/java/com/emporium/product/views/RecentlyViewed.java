package com.emporium.product.views;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code recently_viewed} table: per user, the products they read and when they last did. */
@Repository
class RecentlyViewed {

	private final JdbcTemplate jdbc;

	RecentlyViewed(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Notes reads by signed-in users; a product read again moves up (the later time wins). */
	void add(List<ViewCounter.NotedView> views) {
		this.jdbc.batchUpdate("INSERT INTO recently_viewed (user_id, product_id, viewed_at) VALUES (?, ?, ?) "
				+ "ON CONFLICT (user_id, product_id) DO UPDATE SET viewed_at = "
				+ "greatest(recently_viewed.viewed_at, excluded.viewed_at)",
				views.stream()
					.map(view -> new Object[] { Objects.requireNonNull(view.userId()), view.productId(),
							Timestamp.from(view.at()) })
					.toList());
	}

	/** Keeps a user's {@code keep} most recent rows. */
	void trim(UUID userId, int keep) {
		this.jdbc.update("DELETE FROM recently_viewed WHERE user_id = ? AND product_id NOT IN (SELECT product_id "
				+ "FROM recently_viewed WHERE user_id = ? ORDER BY viewed_at DESC, product_id LIMIT ?)", userId, userId,
				keep);
	}

	/** A user's products, newest read first. */
	List<Entry> of(UUID userId, int limit) {
		return this.jdbc.query(
				"SELECT product_id, viewed_at FROM recently_viewed WHERE user_id = ? "
						+ "ORDER BY viewed_at DESC, product_id LIMIT ?",
				(row, number) -> new Entry(row.getObject("product_id", UUID.class),
						row.getTimestamp("viewed_at").toInstant()),
				userId, limit);
	}

	int clear(UUID userId) {
		return this.jdbc.update("DELETE FROM recently_viewed WHERE user_id = ?", userId);
	}

	record Entry(UUID productId, Instant viewedAt) {
	}

}
