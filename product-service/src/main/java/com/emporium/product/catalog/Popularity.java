package com.emporium.product.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How often each product was viewed ({@code products.view_count}), which the popularity sort and
 * the most-popular list read. The views feature adds counted views here in batches.
 */
@Service
public class Popularity {

	private final JdbcTemplate jdbc;

	Popularity(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds views to products, in the caller's transaction: one statement per product. The version
	 * does not move (a view is no change to the product) and deleted products are left as they are.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void addViews(Map<UUID, Long> views) {
		List<Object[]> rows = new ArrayList<>();
		views.forEach((productId, count) -> rows.add(new Object[] { count, productId }));
		this.jdbc.batchUpdate("UPDATE products SET view_count = view_count + ? WHERE id = ? AND deleted_at IS NULL",
				rows);
	}

}
