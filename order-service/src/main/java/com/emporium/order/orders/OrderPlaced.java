package com.emporium.order.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.order.Recommendation;
import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * A customer placed an order ({@code PENDING}): product-service reserves its stock; each line names
 * the recommendation credited with it, for recommendation-service's attribution. Topic
 * {@code emporium.order.order-placed.v1}, key = order id; contract in {@code docs/events.md}.
 */
@Externalized("emporium.order.order-placed.v1::#{#this.subject()}")
public record OrderPlaced(UUID eventId, Instant occurredAt, UUID orderId, String orderNumber, UUID customerId,
		List<Line> lines, BigDecimal subtotal, BigDecimal tax, BigDecimal shipping, BigDecimal total, String currency,
		PaymentMethod paymentMethod) implements EmporiumEvent {

	/**
	 * @param recommendationId the id of the recommendation credited with the line (its cart line's,
	 * else the checkout's), or null; added later, additive
	 * @param recommendationSource that recommendation's source, or null (both set or both null)
	 */
	public record Line(UUID productId, String sku, int quantity, BigDecimal unitPrice,
			@Nullable String recommendationId, @Nullable String recommendationSource) {
	}

	static OrderPlaced of(OrderView order, Instant now) {
		return new OrderPlaced(UUID.randomUUID(), now, order.id(), order.number(), order.customerId(),
				order.lines()
					.stream()
					.map(OrderPlaced::line)
					.toList(),
				order.subtotal(), order.tax(), order.shipping(), order.total(), order.currency(),
				order.paymentMethod());
	}

	private static Line line(OrderView.Line line) {
		Recommendation recommendation = line.recommendation();
		return new Line(line.productId(), line.sku(), line.quantity(), line.unitPrice(),
				(recommendation != null) ? recommendation.id() : null,
				(recommendation != null) ? recommendation.source() : null);
	}

	@Override
	public String subject() {
		return this.orderId.toString();
	}

}
