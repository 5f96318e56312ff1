package com.emporium.order.orders;

import java.math.BigDecimal;

import com.emporium.order.Amounts;

/**
 * An order's money: the subtotal of its lines, tax at the shipping country's rate (on the subtotal),
 * shipping (a flat fee, free from a subtotal threshold) and their total, each at the currency's
 * scale (half up).
 */
record Totals(BigDecimal subtotal, BigDecimal tax, BigDecimal shipping, BigDecimal total) {

	static Totals of(BigDecimal subtotal, String currency, String country, OrderProperties properties) {
		BigDecimal lines = Amounts.of(subtotal, currency);
		BigDecimal tax = Amounts.of(lines.multiply(properties.tax().rateFor(country)), currency);
		BigDecimal shipping = Amounts.of(
				(lines.compareTo(properties.shipping().freeFrom()) >= 0) ? BigDecimal.ZERO
						: properties.shipping().flatFee(),
				currency);
		return new Totals(lines, tax, shipping, lines.add(tax).add(shipping));
	}

}
