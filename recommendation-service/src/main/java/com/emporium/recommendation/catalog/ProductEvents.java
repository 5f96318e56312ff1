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
	 * {@code emporium.product.product-created.v1}; {@code brand}, {@code categoryId} and
	 * {@code active} came later: absent means none, none and listed.
	 */
	record ProductCreated(@Nullable UUID productId, @Nullable String name, @Nullable BigDecimal priceAmount,
			@Nullable String priceCurrency, @Nullable String brand, @Nullable UUID categoryId,
			@Nullable Boolean active) {
	}

	/** {@code emporium.product.product-updated.v1}: the state after the change, with its version. */
	record ProductUpdated(@Nullable UUID productId, @Nullable String name, @Nullable String brand,
			@Nullable UUID categoryId, @Nullable List<String> tags, @Nullable BigDecimal priceAmount,
			@Nullable String priceCurrency, @Nullable Boolean active, @Nullable Long version) {
	}

	/** {@code emporium.product.product-deleted.v1}: final. */
	record ProductDeleted(@Nullable UUID productId) {
	}

	/** {@code emporium.product.stock-changed.v1}: one variant's available stock. */
	record StockChanged(@Nullable UUID productId, @Nullable String sku, @Nullable Integer available) {
	}

}
