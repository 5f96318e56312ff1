package com.emporium.user.accounts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The prices a user shops in, both bounds included. The currency is upper-cased before it is
 * validated; {@code min <= max} is checked by {@link Preferences#of}, once the fields are valid.
 */
record PriceRange(@NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal min,
		@NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal max,
		@NotNull @CurrencyCode String currency) {

	PriceRange {
		currency = (currency != null) ? currency.strip().toUpperCase(Locale.ROOT) : null;
	}

	/** Amounts with two decimals, as stored ({@code 1E+2} becomes {@code 100.00}). */
	PriceRange normalised() {
		return new PriceRange(this.min.setScale(2, RoundingMode.UNNECESSARY),
				this.max.setScale(2, RoundingMode.UNNECESSARY), this.currency);
	}

}
