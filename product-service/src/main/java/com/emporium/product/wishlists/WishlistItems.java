package com.emporium.product.wishlists;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code wishlist_items} table: one row per user and product. */
@Repository
class WishlistItems {

	private final JdbcTemplate jdbc;

	WishlistItems(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the product unless it is there: a primary key decides, so two adds at once add once. */
	boolean add(UUID userId, UUID productId, Instant now) {
		return this.jdbc.update("INSERT INTO wishlist_items (user_id, product_id, added_at) VALUES (?, ?, ?) "
				+ "ON CONFLICT DO NOTHING", userId, productId, Timestamp.from(now)) == 1;
	}

	boolean remove(UUID userId, UUID productId) {
		return this.jdbc.update("DELETE FROM wishlist_items WHERE user_id = ? AND product_id = ?", userId,
				productId) == 1;
	}

	long count(UUID userId) {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM wishlist_items WHERE user_id = ?", Long.class,
				userId);
		return (count != null) ? count : 0;
	}

	/** A user's items, newest first. */
	List<Entry> of(UUID userId) {
		return this.jdbc.query(
				"SELECT product_id, added_at FROM wishlist_items WHERE user_id = ? ORDER BY added_at DESC, product_id",
				(row, number) -> new Entry(row.getObject("product_id", UUID.class),
						row.getTimestamp("added_at").toInstant()),
				userId);
	}

	record Entry(UUID productId, Instant addedAt) {
	}

}
