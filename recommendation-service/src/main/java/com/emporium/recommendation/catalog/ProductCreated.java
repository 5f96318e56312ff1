package com.emporium.recommendation.catalog;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Our view of {@code emporium.product.product-created.v1}'s data: only the fields we read. Fields
 * are nullable here because the wire may lack them; {@link CatalogReplica} checks them.
 */
record ProductCreated(@Nullable UUID productId, @Nullable String name, @Nullable BigDecimal priceAmount,
		@Nullable String priceCurrency) {
}
