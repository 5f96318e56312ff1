package com.emporium.product.catalog;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/**
 * An amount in a currency. Prices are positive, at most 1,000,000 and have at most two decimals;
 * the currency is an ISO 4217 code.
 */
public record Money(
		@NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be greater than 0")
		@DecimalMax(value = "1000000.00", message = "must be at most 1000000") @Digits(integer = 7, fraction = 2,
				message = "must have at most 2 decimals") BigDecimal amount,
		@NotNull @CurrencyCode String currency) {
}
