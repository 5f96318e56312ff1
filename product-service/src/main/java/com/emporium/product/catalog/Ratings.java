package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The average review rating and the number of reviews a product carries
 * ({@code products.rating_average}, {@code review_count}), which the rating sort reads. The reviews
 * feature locks the product, changes its reviews, counts them and sets the result here, all in one
 * transaction: the lock serialises review changes of one product, so each count sees the others.
 */
@Service
public class Ratings {

	private final JdbcTemplate jdbc;

	Ratings(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Locks a product's row until the transaction ends (the lock product changes take too).
	 * @param listedOnly only a listed product (not unlisted); deleted ones never
	 * @return whether there is such a product
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean lock(UUID productId, boolean listedOnly) {
		List<UUID> found = this.jdbc.queryForList("SELECT id FROM products WHERE id = ? AND deleted_at IS NULL"
				+ (listedOnly ? " AND active" : "") + " FOR NO KEY UPDATE", UUID.class, productId);
		return !found.isEmpty();
	}

	/** Sets the average (two decimals, or null without reviews) and the count; the version does not move. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void set(UUID productId, @Nullable BigDecimal average, int count) {
		this.jdbc.update("UPDATE products SET rating_average = ?, review_count = ? WHERE id = ?", average, count,
				productId);
	}

}
