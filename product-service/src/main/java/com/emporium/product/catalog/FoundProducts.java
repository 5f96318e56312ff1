package com.emporium.product.catalog;

import java.util.List;

/**
 * A page of a search's results, with their total and facets.
 *
 * @param typoTolerant whether names similar to the query were let in because the full-text match
 * found too few
 */
public record FoundProducts(List<ProductSummary> items, long totalItems, Facets facets, boolean typoTolerant) {
}
