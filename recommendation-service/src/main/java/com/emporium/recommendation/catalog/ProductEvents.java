package com.emporium.recommendation.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Our view of product-service's catalog events' {@code data}: only the fields we read, nullable
 * because the wire may lack them ({@link CatalogReplica} checks them). Contracts in
 * {@code docs/events.md}.
 */
final class ProductEvents {

	private ProductEvents() {
	}

	/**
	 * {@code emporium.product.product-created.v1}; {@code brand}, {@code categoryId},
	 * {@code active} and {@code categoryName} came later: absent means none, none, listed and
	 * unnamed.
	 */
	record ProductCreated(@Nullable UUID productId, @Nullable String name, @Nullable BigDecimal priceAmount,
			@Nullable String priceCurrency, @Nullable String brand, @Nullable UUID categoryId,
			@Nullable Boolean active, @Nullable String categoryName) {
	}

	/**
	 * {@code emporium.product.product-updated.v1}: the state after the change, with its version;
	 * {@code categoryName} came later (absent: unnamed). A category's rename arrives as one of these
	 * per product of the category.
	 */
	record ProductUpdated(@Nullable UUID productId, @Nullable String name, @Nullable String brand,
			@Nullable UUID categoryId, @Nullable String categoryName, @Nullable List<String> tags,
			@Nullable BigDecimal priceAmount, @Nullable String priceCurrency, @Nullable Boolean active,
			@Nullable Long version) {
	}

	/** {@code emporium.product.product-deleted.v1}: final. */
	record ProductDeleted(@Nullable UUID productId) {
	}

	/** {@code emporium.product.stock-changed.v1}: one variant's available stock. */
	record StockChanged(@Nullable UUID productId, @Nullable String sku, @Nullable Integer available) {
	}

}
