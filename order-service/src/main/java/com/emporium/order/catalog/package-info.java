/**
 * The catalog read model: what order-service knows of product-service's products (name, store,
 * price and currency, listed or not, deleted or not, available stock per SKU), kept current by
 * consuming {@code ProductCreated}, {@code ProductUpdated}, {@code ProductDeleted} and
 * {@code StockChanged} idempotently. Carts and checkout price and check lines with
 * {@link com.emporium.order.catalog.Catalog}; nothing here calls product-service.
 */
@NullMarked
package com.emporium.order.catalog;

import org.jspecify.annotations.NullMarked;
