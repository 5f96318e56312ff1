package com.emporium.product.reservations;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Our view of order-service's events ({@code data}, the fields we read); checked by {@link StockReservations}. */
final class OrderEvents {

	private OrderEvents() {
	}

	record OrderPlaced(@Nullable UUID orderId, @Nullable List<Line> lines) {

		record Line(@Nullable UUID productId, @Nullable String sku, @Nullable Integer quantity) {
		}

	}

	record OrderConfirmed(@Nullable UUID orderId) {
	}

	record OrderCancelled(@Nullable UUID orderId, @Nullable String reason) {
	}

}
