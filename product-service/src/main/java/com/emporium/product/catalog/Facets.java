package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * How a search's results spread over categories, brands, price bands and stock. Each facet counts
 * the results with every filter applied except its own (the brand facet ignores {@code brand}), so
 * a shopper sees what choosing another value would give.
 *
 * @param categories by the product's own category (not rolled up to parents), most first
 * @param brands the 20 brands with most results, ignoring case, most first
 * @param priceBands fixed bands of the amount, whatever the currency: add {@code currency} to
 * compare like with like; bands without results are left out
 * @param capped whether the query matched more products than the facets count
 * ({@code emporium.catalog.search.facet-limit}): the counts are then those of the first matches
 * found, an estimate of the shares, not the totals; the page and {@code totalItems} stay exact
 */
public record Facets(List<CategoryCount> categories, List<BrandCount> brands, List<PriceBand> priceBands,
		Availability availability, @Schema(description = "true when the query matched more products than the "
				+ "facets count (10,000 by default): the counts are then those of the first matches found, an "
				+ "estimate; items and totalItems stay exact") boolean capped) {

	/** Where a band starts: amounts from this up to (not including) the next. */
	static final List<BigDecimal> BANDS = List.of(new BigDecimal("10"), new BigDecimal("25"), new BigDecimal("50"),
			new BigDecimal("100"), new BigDecimal("250"), new BigDecimal("500"), new BigDecimal("1000"));

	/** @param categoryId null for products without a category */
	public record CategoryCount(@Nullable UUID categoryId, long count) {
	}

	public record BrandCount(String brand, long count) {
	}

	/**
	 * @param from inclusive
	 * @param to exclusive; null for the last band
	 */
	public record PriceBand(BigDecimal from, @Nullable BigDecimal to, long count) {

		/** The band {@code width_bucket(amount, BANDS)} names (0 = below the first). */
		static PriceBand of(int bucket, long count) {
			BigDecimal from = (bucket == 0) ? BigDecimal.ZERO : BANDS.get(bucket - 1);
			BigDecimal to = (bucket < BANDS.size()) ? BANDS.get(bucket) : null;
			return new PriceBand(from, to, count);
		}

	}

	public record Availability(long inStock, long outOfStock) {
	}

}
