/**
 * The service's own copy of the catalog, kept current from the product service's events (created,
 * updated, deleted, stock changed), so that recommendations never call the product service at
 * serving time. Documents are small so that {@link CatalogReplica#loadAll()} can hold the whole
 * replica in memory; deleted products stay, marked, so that old interactions still resolve.
 * {@link CatalogReplica#productIdsBySku} finds the products of SKUs (the demo history names its
 * products by SKU).
 */
@NullMarked
package com.emporium.recommendation.catalog;

import org.jspecify.annotations.NullMarked;
