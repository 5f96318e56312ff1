package com.emporium.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Money amounts at their currency's scale: EUR 12.5000 from the database reads 12.50. */
public final class Amounts {

	private Amounts() {
	}

	public static BigDecimal of(BigDecimal amount, String currency) {
		int digits = Currency.getInstance(currency).getDefaultFractionDigits();
		return amount.setScale(Math.max(digits, 0), RoundingMode.HALF_UP);
	}

}
