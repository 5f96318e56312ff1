package com.emporium.recommendation.catalog;

import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One variant's available stock, from {@code StockChanged}. Kept apart from {@link CatalogProduct}
 * (which only says whether any variant is in stock): SKUs may hold characters MongoDB does not
 * allow in field names, and the product documents stay small.
 *
 * @param id {@code <productId>:<sku in lower case>} (SKUs compare ignoring case)
 */
@Document("catalog_stock")
record CatalogStock(@Id String id, UUID productId, String sku, int available) {
}
