package com.emporium.order.orders;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.orders.*}.
 *
 * @param tax the tax rates
 * @param shipping the shipping fee rule
 * @param idempotencyKeyTtl how long a checkout's {@code Idempotency-Key} is remembered
 */
@ConfigurationProperties("emporium.orders")
@Validated
record OrderProperties(@DefaultValue @Valid Tax tax, @DefaultValue @Valid Shipping shipping,
		@DefaultValue("24h") Duration idempotencyKeyTtl) {

	/**
	 * @param defaultRate the rate of countries without their own ({@code 0.20} is 20 %)
	 * @param rates rates by ISO 3166 country code of the shipping address ({@code DE: 0.19})
	 */
	record Tax(@DefaultValue("0.00") @DecimalMin("0") @DecimalMax("1") BigDecimal defaultRate,
			@Nullable Map<String, BigDecimal> rates) {

		/** The rate of a country; keys are compared ignoring case, however the config spelled them. */
		BigDecimal rateFor(String country) {
			if (this.rates == null) {
				return this.defaultRate;
			}
			return this.rates.entrySet()
				.stream()
				.filter(rate -> rate.getKey().equalsIgnoreCase(country))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(this.defaultRate);
		}

	}

	/**
	 * Amounts in the order's currency, whatever it is.
	 * @param flatFee the fee of an order below {@code freeFrom}
	 * @param freeFrom the subtotal from which shipping is free
	 */
	record Shipping(@DefaultValue("4.90") @DecimalMin("0") BigDecimal flatFee,
			@DefaultValue("50.00") @DecimalMin("0") BigDecimal freeFrom) {
	}

}
