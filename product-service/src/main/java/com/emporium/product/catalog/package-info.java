/**
 * Products: what is sold, by which store, at what price, in which variants and with how much
 * stock; who may change them (the store's owner, admins, and managers for stock); how they are
 * listed and filtered. Every change locks the product and names the version the caller read, and
 * publishes {@link com.emporium.product.catalog.ProductCreated},
 * {@link com.emporium.product.catalog.ProductUpdated},
 * {@link com.emporium.product.catalog.StockChanged} or
 * {@link com.emporium.product.catalog.ProductDeleted} through the outbox, in the same transaction.
 * The events carry the category's name as well as its id; a renamed category's products publish
 * {@link com.emporium.product.catalog.ProductUpdated} again, in the rename's transaction.
 * Stores and categories are referenced by id and asked through
 * {@link com.emporium.product.stores.StoreDirectory} and
 * {@link com.emporium.product.categories.CategoryTree}.
 */
@NullMarked
package com.emporium.product.catalog;

import org.jspecify.annotations.NullMarked;
