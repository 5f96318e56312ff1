package com.emporium.order.catalog;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Our view of product-service's catalog events' {@code data}: only the fields we read, nullable
 * because the wire may lack them ({@link CatalogUpdates} checks them). Contracts in
 * {@code docs/events.md}.
 */
final class ProductEvents {

	private ProductEvents() {
	}

	/** {@code emporium.product.product-created.v1}; {@code active} came later, absent means listed. */
	record ProductCreated(@Nullable UUID productId, @Nullable UUID storeId, @Nullable String name,
			@Nullable BigDecimal priceAmount, @Nullable String priceCurrency, @Nullable Boolean active) {
	}

	/** {@code emporium.product.product-updated.v1}: the state after the change, with its version. */
	record ProductUpdated(@Nullable UUID productId, @Nullable UUID storeId, @Nullable String name,
			@Nullable BigDecimal priceAmount, @Nullable String priceCurrency, @Nullable Boolean active,
			@Nullable Long version) {
	}

	/** {@code emporium.product.product-deleted.v1}. */
	record ProductDeleted(@Nullable UUID productId) {
	}

	/** {@code emporium.product.stock-changed.v1}: one variant's available stock. */
	record StockChanged(@Nullable UUID productId, @Nullable String sku, @Nullable Integer available) {
	}

}
