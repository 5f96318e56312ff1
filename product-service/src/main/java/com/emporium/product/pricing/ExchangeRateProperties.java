package com.emporium.product.pricing;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.catalog.exchange-rates.*}.
 *
 * @param baseUrl the API's base URL ({@code https://api.freecurrencyapi.com}); none or blank: no conversion
 * @param apiKey the API key, sent as {@code apikey}; from the environment
 * ({@code EXCHANGE_RATES_API_KEY}), never from a file in the repository
 * @param ttl how long fetched rates are used before they are fetched again
 * @param timeout how long one call may take (connecting and reading)
 * @param retryAfter after a failed fetch, how long the last known rates are used before trying again
 */
@ConfigurationProperties("emporium.catalog.exchange-rates")
@Validated
record ExchangeRateProperties(@Nullable String baseUrl, @Nullable String apiKey,
		@NotNull @DefaultValue("PT1H") Duration ttl, @NotNull @DefaultValue("PT2S") Duration timeout,
		@NotNull @DefaultValue("PT30S") Duration retryAfter) {

	boolean configured() {
		return this.baseUrl != null && !this.baseUrl.isBlank();
	}

}
