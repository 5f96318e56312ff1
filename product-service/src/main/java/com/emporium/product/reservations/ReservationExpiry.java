package com.emporium.product.reservations;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.tasks.Periodic;

import org.springframework.stereotype.Component;

/**
 * Every {@code expiry-interval}, releases the reservations whose payment did not come within
 * {@code ttl}, in batches until none is due. Safe with several instances: each takes only rows no
 * other holds ({@code FOR UPDATE SKIP LOCKED}).
 */
@Component
class ReservationExpiry extends Periodic {

	static final int BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);

	private final StockReservations reservations;

	private final Clock clock;

	ReservationExpiry(StockReservations reservations, ReservationProperties properties, Clock clock) {
		super("reservation-expiry", properties.expiryInterval());
		this.reservations = reservations;
		this.clock = clock;
	}

	@Override
	protected void runOnce() {
		try {
			int released;
			do {
				released = this.reservations.expire(this.clock.instant(), BATCH);
			}
			while (released == BATCH);
		}
		catch (RuntimeException ex) {
			log.warn("Expiring reservations failed; next run retries reason={}", ex.getClass().getSimpleName());
		}
	}

}
