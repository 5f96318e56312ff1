package com.emporium.payment.processor;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A card as a customer types it. Only {@link #brand()} and {@link #last4()} may be stored or
 * shown; {@link #toString()} hides the rest, so that a card logged by mistake leaks nothing.
 *
 * @param number digits only, 12 to 19 of them
 * @param expMonth 1 to 12
 * @param expYear four digits
 * @param cvc 3 digits (4 for American Express)
 */
public record Card(String number, int expMonth, int expYear, String cvc) implements PaymentSource {

	/**
	 * What is wrong with the card, by field ({@code number}, {@code expMonth}, {@code expYear},
	 * {@code cvc}); empty when it may be charged. A card expires at the end of its month.
	 */
	public Map<String, String> problems(YearMonth now) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (!this.number.matches("\\d{12,19}") || !luhn(this.number)) {
			problems.put("number", "is not a valid card number");
		}
		if (this.expMonth < 1 || this.expMonth > 12) {
			problems.put("expMonth", "must be between 1 and 12");
		}
		else if (this.expYear < 1000 || this.expYear > 9999) {
			problems.put("expYear", "must have four digits");
		}
		else if (YearMonth.of(this.expYear, this.expMonth).isBefore(now)) {
			problems.put("expYear", "the card has expired");
		}
		String digits = "amex".equals(brand()) ? "\\d{4}" : "\\d{3}";
		if (!this.cvc.matches(digits)) {
			problems.put("cvc", "must be " + ("amex".equals(brand()) ? 4 : 3) + " digits");
		}
		return problems;
	}

	/** {@code visa}, {@code mastercard}, {@code amex}, {@code discover} or {@code unknown}, from the number. */
	public String brand() {
		String n = this.number;
		if (!n.matches("\\d{4,}")) {
			return "unknown";
		}
		if (n.startsWith("4")) {
			return "visa";
		}
		if (n.startsWith("34") || n.startsWith("37")) {
			return "amex";
		}
		if (n.length() >= 2 && n.charAt(0) == '5' && n.charAt(1) >= '1' && n.charAt(1) <= '5') {
			return "mastercard";
		}
		if (n.length() >= 4 && n.startsWith("2")) {
			int prefix = Integer.parseInt(n.substring(0, 4));
			if (prefix >= 2221 && prefix <= 2720) {
				return "mastercard";
			}
		}
		if (n.startsWith("6011") || n.startsWith("65")) {
			return "discover";
		}
		return "unknown";
	}

	public String last4() {
		return (this.number.length() >= 4) ? this.number.substring(this.number.length() - 4) : this.number;
	}

	@Override
	public String toString() {
		return "Card[" + brand() + " ending " + last4() + "]";
	}

	/** The Luhn check digit test. */
	static boolean luhn(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

}
