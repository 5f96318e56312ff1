package com.emporium.product.reservations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.emporium.platform.events.EmporiumEvent;

import org.springframework.modulith.events.Externalized;

/** What the reservations tell order-service; contracts in {@code docs/events.md}. Key = order id. */
public final class ReservationEvents {

	private ReservationEvents() {
	}

	/** Every line of the order is reserved until {@code expiresAt}. */
	@Externalized("emporium.product.stock-reserved.v1::#{#this.subject()}")
	public record StockReserved(UUID eventId, Instant occurredAt, UUID orderId, Instant expiresAt)
			implements EmporiumEvent {

		@Override
		public String subject() {
			return this.orderId.toString();
		}

	}

	/** Nothing is reserved: these lines lack stock. */
	@Externalized("emporium.product.stock-reservation-failed.v1::#{#this.subject()}")
	public record StockReservationFailed(UUID eventId, Instant occurredAt, UUID orderId, List<Line> lines)
			implements EmporiumEvent {

		public record Line(UUID productId, String sku, int requested, int available) {
		}

		@Override
		public String subject() {
			return this.orderId.toString();
		}

	}

	/** The reservation (or sale) ended and its stock is back. */
	@Externalized("emporium.product.stock-released.v1::#{#this.subject()}")
	public record StockReleased(UUID eventId, Instant occurredAt, UUID orderId, String reason) implements EmporiumEvent {

		@Override
		public String subject() {
			return this.orderId.toString();
		}

	}

}
