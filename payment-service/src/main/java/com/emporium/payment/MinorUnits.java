package com.emporium.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Money in a currency's minor units, as card processors count it: EUR 12.50 is 1250 cents, JPY 500
 * is 500 (no decimals), BHD 1.250 is 1250 fils.
 */
public final class MinorUnits {

	private MinorUnits() {
	}

	/** The currency's decimals (2 for EUR, 0 for JPY, 3 for BHD). */
	public static int digits(String currency) {
		return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
	}

	/**
	 * @throws ArithmeticException if the amount has more decimals than the currency (EUR 1.005)
	 */
	public static long of(BigDecimal amount, String currency) {
		return amount.setScale(digits(currency), RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
	}

	public static BigDecimal toAmount(long minor, String currency) {
		return BigDecimal.valueOf(minor, digits(currency));
	}

	/** The amount at its currency's scale: EUR 12.5000 from the database reads 12.50. */
	public static BigDecimal scaled(BigDecimal amount, String currency) {
		return amount.setScale(digits(currency), RoundingMode.HALF_UP);
	}

	/** Whether the amount fits the currency's decimals. */
	public static boolean fits(BigDecimal amount, String currency) {
		return amount.stripTrailingZeros().scale() <= digits(currency);
	}

}
