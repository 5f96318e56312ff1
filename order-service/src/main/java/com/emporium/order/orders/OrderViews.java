package com.emporium.order.orders;

import java.math.BigDecimal;

import com.emporium.order.Amounts;
import com.emporium.order.Recommendation;

/** Entities to the records the API returns. */
final class OrderViews {

	private OrderViews() {
	}

	static OrderView of(Order order) {
		String currency = order.currency();
		Recommendation recommendation = (order.recommendationSource() != null
				&& order.recommendationId() != null)
						? new Recommendation(order.recommendationSource(), order.recommendationId())
						: null;
		return new OrderView(order.id(), order.number(), order.customerId(), order.status(), currency,
				money(order.subtotal(), currency), money(order.tax(), currency), money(order.shipping(), currency),
				money(order.total(), currency), order.paymentMethod(), order.shippingAddress(),
				order.billingAddress(), order.notes(), recommendation,
				order.lines()
					.stream()
					.map(line -> new OrderView.Line(line.productId(), line.sku(), line.name(),
							money(line.unitPrice(), currency), line.quantity(), money(line.lineTotal(), currency),
							line.recommendation()))
					.toList(),
				order.cancellationReason(), order.refundDue(), money(order.refundedAmount(), currency), order.placedAt(),
				order.updatedAt(),
				order.history()
					.stream()
					.map(change -> new OrderView.Change(change.from(), change.to(), change.at(), change.by(),
							change.note()))
					.toList());
	}

	static OrderSummary summary(Order order) {
		return new OrderSummary(order.id(), order.number(), order.customerId(), order.status(),
				money(order.total(), order.currency()), order.currency(),
				order.lines().stream().mapToInt(OrderLine::quantity).sum(), order.placedAt());
	}

	private static BigDecimal money(BigDecimal amount, String currency) {
		return Amounts.of(amount, currency);
	}

}
