package com.emporium.product.search;

import java.util.List;
import java.util.UUID;

import com.emporium.product.catalog.CurrencyConverter;
import com.emporium.product.catalog.Facets;
import com.emporium.product.catalog.ProductSummary;

/**
 * A page of a search: send {@code searchId} back with a click.
 *
 * @param typoTolerant whether products with names similar to the query were let in because the
 * full-text match found nothing
 */
record SearchResults(UUID searchId, String query, String sort, List<ProductSummary> items, int page, int size,
		long totalItems, int totalPages, boolean typoTolerant, Facets facets) {

	/** With every item's price converted into {@code currency}. */
	SearchResults convertedTo(String currency, CurrencyConverter converter) {
		return new SearchResults(this.searchId, this.query, this.sort,
				this.items.stream().map(item -> item.convertedTo(currency, converter)).toList(), this.page, this.size,
				this.totalItems, this.totalPages, this.typoTolerant, this.facets);
	}
}
