package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * What a shopper narrows a list or a search to, read from the query string by
 * {@link CriteriaParameters} (which names a malformed parameter in a 400); null or empty means
 * "any". The catalog then checks it against what is stored (a known category and store,
 * {@code minPrice} not above {@code maxPrice}) before it finds anything.
 */
public record Criteria(
		@Parameter(description = "A category: with every category beneath it") @Nullable UUID category,
		@Parameter(description = "Exactly this brand, ignoring case (at most 100 characters)") @Nullable String brand,
		@Parameter(description = "The lowest amount, 0 to 1,000,000, whatever the currency") @Nullable BigDecimal minPrice,
		@Parameter(description = "The highest amount, 0 to 1,000,000, whatever the currency") @Nullable BigDecimal maxPrice,
		@Parameter(description = "Only prices in this ISO 4217 currency: add it to compare like with like") @Nullable String priceCurrency,
		@Parameter(description = "true: only products with a variant in stock") boolean inStock,
		@Parameter(description = "One store") @Nullable UUID store,
		@Parameter(description = "Every one of these tags (at most 10 of up to 40 characters; tags=a,b or "
				+ "tags=a&tags=b; case is ignored)") List<String> tags) {

	public Criteria {
		tags = List.copyOf(tags);
	}

	/** Only a category, for lists that take no other filter. */
	public static Criteria category(@Nullable UUID category) {
		return new Criteria(category, null, null, null, null, false, null, List.of());
	}

	/** The criteria that are set, by parameter name, as events and records keep them. */
	public Map<String, Object> asParameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		put(parameters, "category", this.category);
		put(parameters, "brand", this.brand);
		put(parameters, "minPrice", this.minPrice);
		put(parameters, "maxPrice", this.maxPrice);
		put(parameters, "priceCurrency", this.priceCurrency);
		put(parameters, "inStock", this.inStock ? true : null);
		put(parameters, "store", this.store);
		put(parameters, "tags", this.tags.isEmpty() ? null : this.tags);
		return parameters;
	}

	private static void put(Map<String, Object> parameters, String name, @Nullable Object value) {
		if (value != null) {
			parameters.put(name, value);
		}
	}

}
