/**
 * Search: the shopper-facing full-text search with facets ({@code GET /search}), suggestions as
 * they type, and the record of each search and of the results clicked in it. The catalog finds
 * the products ({@link com.emporium.product.catalog.ProductFinder}); this feature gives each
 * search an id, keeps it in {@code searches} for a while so that clicks can name it, and publishes
 * {@link com.emporium.product.search.SearchPerformed} and
 * {@link com.emporium.product.search.SearchResultClicked} through the outbox for the
 * recommendation service.
 */
@NullMarked
package com.emporium.product.search;

import org.jspecify.annotations.NullMarked;
