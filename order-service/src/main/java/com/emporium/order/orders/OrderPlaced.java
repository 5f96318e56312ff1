package com.emporium.order.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/**
 * A customer placed an order ({@code PENDING}): product-service reserves its stock. Topic
 * {@code emporium.order.order-placed.v1}, key = order id; contract in {@code docs/events.md}.
 */
@Externalized("emporium.order.order-placed.v1::#{#this.subject()}")
public record OrderPlaced(UUID eventId, Instant occurredAt, UUID orderId, String orderNumber, UUID customerId,
		List<Line> lines, BigDecimal subtotal, BigDecimal tax, BigDecimal shipping, BigDecimal total, String currency,
		PaymentMethod paymentMethod) implements EmporiumEvent {

	public record Line(UUID productId, String sku, int quantity, BigDecimal unitPrice) {
	}

	static OrderPlaced of(OrderView order, Instant now) {
		return new OrderPlaced(UUID.randomUUID(), now, order.id(), order.number(), order.customerId(),
				order.lines()
					.stream()
					.map(line -> new Line(line.productId(), line.sku(), line.quantity(), line.unitPrice()))
					.toList(),
				order.subtotal(), order.tax(), order.shipping(), order.total(), order.currency(),
				order.paymentMethod());
	}

	@Override
	public String subject() {
		return this.orderId.toString();
	}

}
