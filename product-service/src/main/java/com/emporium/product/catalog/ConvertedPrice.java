package com.emporium.product.catalog;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A product's price in the currency a shopper asked for, for display: the product is still sold in
 * its own currency. Either {@code amount} (and {@code compareAtAmount} when the product has one)
 * with the {@code rate} used and {@code rateAsOf}, when the rates were fetched; or only a
 * {@code reason} when there are no rates to convert with.
 *
 * @param amount the price × rate, at the currency's number of decimals
 * @param rate units of {@code currency} per unit of the product's currency
 * @param rateAsOf when the rates were fetched from the exchange-rate service
 * @param stale true when the service could not be reached and older rates were used
 * @param reason why there is no amount
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConvertedPrice(String currency, @Nullable BigDecimal amount, @Nullable BigDecimal compareAtAmount,
		@Nullable BigDecimal rate, @Nullable Instant rateAsOf, @Nullable Boolean stale, @Nullable String reason) {

	public static ConvertedPrice unavailable(String currency, String reason) {
		return new ConvertedPrice(currency, null, null, null, null, null, reason);
	}

}
