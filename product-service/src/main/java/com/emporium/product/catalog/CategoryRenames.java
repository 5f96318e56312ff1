package com.emporium.product.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.product.categories.CategoryRenamed;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces a category's new name to the replicas: every product of the category (not deleted, not
 * counting sub-categories) moves its version on and publishes {@link ProductUpdated} with the new
 * {@code categoryName}.
 * <p>
 * A plain {@link EventListener}, not an asynchronous module listener: it runs in the rename's
 * transaction, so the new name and the events commit together. The rename holds the category's
 * row lock, so a product put into the category meanwhile (which takes a shared lock on it) waits
 * and then reads the new name; the products are locked in id order, as stock reservations lock
 * them, and a change of one of them waits for the other to commit: whichever goes second publishes
 * the higher version, with the current name. The version moves on because consumers ignore an
 * update that is not newer than what they have.
 */
@Component
class CategoryRenames {

	private static final Logger log = LoggerFactory.getLogger(CategoryRenames.class);

	private final Products products;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CategoryRenames(Products products, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
		this.products = products;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(CategoryRenamed renamed) {
		UUID[] ids = this.jdbc
			.queryForList("SELECT id FROM products WHERE category_id = ? AND deleted_at IS NULL ORDER BY id"
					+ " FOR NO KEY UPDATE", UUID.class, renamed.categoryId())
			.toArray(UUID[]::new);
		if (ids.length == 0) {
			return;
		}
		Instant now = this.clock.instant();
		this.jdbc.update("UPDATE products SET version = version + 1, updated_at = ? WHERE id = ANY(?)",
				Timestamp.from(now), ids);
		List<Product> renamedProducts = this.products.findAllByIds(List.of(ids));
		for (Product product : renamedProducts) {
			this.events.publishEvent(ProductUpdated.of(product, renamed.name(), now));
		}
		log.info("Category rename announced categoryId={} products={}", renamed.categoryId(),
				renamedProducts.size());
	}

}
