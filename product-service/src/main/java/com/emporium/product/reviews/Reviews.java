package com.emporium.product.reviews;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code reviews} and {@code review_votes} tables. */
@Repository
class Reviews {

	/** A review's columns, and whether its author bought the product. */
	private static final String SELECT = "SELECT r.*, EXISTS (SELECT 1 FROM purchases b WHERE b.user_id = r.user_id"
			+ " AND b.product_id = r.product_id) AS verified FROM reviews r";

	private final JdbcTemplate jdbc;

	Reviews(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds a review unless the user reviewed the product already (a unique key decides). */
	boolean insert(UUID id, UUID productId, UUID userId, int rating, String title, String text, Instant now) {
		return this.jdbc.update("INSERT INTO reviews (id, product_id, user_id, rating, title, text, created_at,"
				+ " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (product_id, user_id) DO NOTHING", id,
				productId, userId, rating, title, text, Timestamp.from(now), Timestamp.from(now)) == 1;
	}

	Optional<UUID> idOf(UUID productId, UUID userId) {
		return this.jdbc
			.queryForList("SELECT id FROM reviews WHERE product_id = ? AND user_id = ?", UUID.class, productId, userId)
			.stream()
			.findFirst();
	}

	Optional<Row> find(UUID productId, UUID reviewId) {
		return this.jdbc.query(SELECT + " WHERE r.id = ? AND r.product_id = ?", Reviews::row, reviewId, productId)
			.stream()
			.findFirst();
	}

	void update(UUID reviewId, int rating, String title, String text, Instant now) {
		this.jdbc.update("UPDATE reviews SET rating = ?, title = ?, text = ?, updated_at = ? WHERE id = ?", rating,
				title, text, Timestamp.from(now), reviewId);
	}

	void delete(UUID reviewId) {
		this.jdbc.update("DELETE FROM reviews WHERE id = ?", reviewId);
	}

	/** A page of a product's reviews. */
	List<Row> page(UUID productId, ReviewSort sort, int page, int size) {
		return this.jdbc.query(SELECT + " WHERE r.product_id = ? ORDER BY " + sort.sql + " LIMIT ? OFFSET ?",
				Reviews::row, productId, size, (long) page * size);
	}

	long count(UUID productId) {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM reviews WHERE product_id = ?", Long.class,
				productId);
		return (count != null) ? count : 0;
	}

	/** The average rating (two decimals, half up; null without reviews) and the count of a product. */
	Stats stats(UUID productId) {
		return this.jdbc.queryForObject(
				"SELECT round(avg(rating), 2) AS average, count(*) AS count FROM reviews WHERE product_id = ?",
				(row, number) -> new Stats(row.getBigDecimal("average"), row.getInt("count")), productId);
	}

	/** Adds a vote unless the user voted already; counts it on the review in the same statement's wake. */
	boolean vote(UUID reviewId, UUID userId, Instant now) {
		boolean added = this.jdbc.update("INSERT INTO review_votes (review_id, user_id, voted_at) VALUES (?, ?, ?)"
				+ " ON CONFLICT DO NOTHING", reviewId, userId, Timestamp.from(now)) == 1;
		if (added) {
			this.jdbc.update("UPDATE reviews SET helpful_count = helpful_count + 1 WHERE id = ?", reviewId);
		}
		return added;
	}

	boolean unvote(UUID reviewId, UUID userId) {
		boolean removed = this.jdbc.update("DELETE FROM review_votes WHERE review_id = ? AND user_id = ?", reviewId,
				userId) == 1;
		if (removed) {
			this.jdbc.update("UPDATE reviews SET helpful_count = helpful_count - 1 WHERE id = ?", reviewId);
		}
		return removed;
	}

	private static Row row(ResultSet row, int number) throws SQLException {
		return new Row(row.getObject("id", UUID.class), row.getObject("product_id", UUID.class),
				row.getObject("user_id", UUID.class), row.getInt("rating"), row.getString("title"),
				row.getString("text"), row.getBoolean("verified"), row.getInt("helpful_count"),
				row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
	}

	record Row(UUID id, UUID productId, UUID userId, int rating, String title, String text, boolean verifiedPurchase,
			int helpfulCount, Instant createdAt, Instant updatedAt) {
	}

	record Stats(@Nullable BigDecimal average, int count) {
	}

}
