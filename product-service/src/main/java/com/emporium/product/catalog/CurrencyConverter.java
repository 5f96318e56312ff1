package com.emporium.product.catalog;

import org.jspecify.annotations.Nullable;

/**
 * Converts prices into a currency a shopper asks for ({@code ?currency=}), implemented by the
 * pricing feature. Never fails: when it cannot convert, the {@link ConvertedPrice} says why.
 */
public interface CurrencyConverter {

	/** What the {@code currency} parameter of reads, lists and searches does, for OpenAPI. */
	String PARAMETER = "An ISO 4217 code: adds convertedPrice, the price in that currency at the latest exchange "
			+ "rates (rateAsOf says when they were fetched; without rates, only a reason)";

	/**
	 * @param price the price, in the product's currency
	 * @param compareAt the compare-at price, in the same currency, or null
	 * @param currency an ISO 4217 code
	 */
	ConvertedPrice convert(Money price, @Nullable Money compareAt, String currency);

}
