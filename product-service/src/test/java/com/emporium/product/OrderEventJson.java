package com.emporium.product;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/** order-service's events as they come over Kafka (CloudEvents envelopes), for consumer tests. */
public final class OrderEventJson {

	public static final String PLACED = "emporium.order.order-placed.v1";

	public static final String CONFIRMED = "emporium.order.order-confirmed.v1";

	public static final String CANCELLED = "emporium.order.order-cancelled.v1";

	private OrderEventJson() {
	}

	/** A line of an order. */
	public record Line(String productId, String sku, int quantity) {
	}

	public static String placed(UUID order, UUID customer, Line... lines) {
		List<Map<String, Object>> data = new ArrayList<>();
		for (Line line : lines) {
			data.add(Map.of("productId", line.productId(), "sku", line.sku(), "quantity", line.quantity(), "unitPrice",
					10));
		}
		return envelope("OrderPlaced", order, Map.of("orderId", order.toString(), "orderNumber",
				"ORD-20261124-ABCDEF", "customerId", customer.toString(), "lines", data, "total", 10, "currency", "EUR"));
	}

	public static String confirmed(UUID order, UUID customer) {
		return envelope("OrderConfirmed", order, Map.of("orderId", order.toString(), "orderNumber",
				"ORD-20261124-ABCDEF", "customerId", customer.toString(), "total", 10, "currency", "EUR"));
	}

	public static String cancelled(UUID order, UUID customer) {
		return envelope("OrderCancelled", order, Map.of("orderId", order.toString(), "orderNumber",
				"ORD-20261124-ABCDEF", "customerId", customer.toString(), "reason", "customer", "refund", false));
	}

	public static String envelope(String type, UUID subject, Map<String, Object> data) {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		Map<String, Object> payload = new LinkedHashMap<>(data);
		payload.put("eventId", id.toString());
		payload.put("occurredAt", now.toString());
		return JsonMapper.shared()
			.writeValueAsString(Map.of("specversion", "1.0", "id", id.toString(), "type", type, "source",
					"order-service", "subject", subject.toString(), "time", now.toString(), "datacontenttype",
					"application/json", "data", payload));
	}

}
