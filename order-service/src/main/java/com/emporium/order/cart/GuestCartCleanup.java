package com.emporium.order.cart;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.tasks.Periodic;

import org.springframework.stereotype.Component;

/**
 * Deletes guest carts (a cart token, no owner) not changed for {@code emporium.cart.guest-retention},
 * with their lines, every {@code guest-cleanup-interval}, on a thread of its own while the
 * application runs. Users' carts, and guest carts merged into one (retired, owned by that user), are
 * never deleted here. Each statement deletes at most {@value #BATCH_SIZE} carts in its own
 * transaction, so a backlog never holds one long transaction. Every instance runs it: the rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so instances share a backlog instead of waiting for
 * each other, and a cart a request holds (its row is locked while it is changed) is left for a later
 * run. A deleted cart's token is then an unknown token (404 {@code cart-not-found}).
 */
@Component
class GuestCartCleanup extends Periodic {

	static final int BATCH_SIZE = 500;

	private static final Logger log = LoggerFactory.getLogger(GuestCartCleanup.class);

	private final Carts carts;

	private final GuestCartProperties properties;

	private final Clock clock;

	GuestCartCleanup(Carts carts, GuestCartProperties properties, Clock clock) {
		super("guest-cart-cleanup", properties.guestCleanupInterval());
		this.carts = carts;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * One run: deletes, batch after batch, the guest carts last changed before now minus the
	 * retention.
	 * @return how many carts were deleted
	 */
	public long deleteStaleGuestCarts() {
		Instant before = this.clock.instant().minus(this.properties.guestRetention());
		long deleted = 0;
		int batch;
		do {
			batch = this.carts.deleteGuestCartsChangedBefore(before, BATCH_SIZE);
			deleted += batch;
		}
		while (batch == BATCH_SIZE);
		if (deleted > 0) {
			log.info("Stale guest carts deleted carts={} changedBefore={}", deleted, before);
		}
		return deleted;
	}

	@Override
	protected void runOnce() {
		try {
			deleteStaleGuestCarts();
		}
		catch (RuntimeException ex) {
			// The database may be briefly unreachable; the next run tries again.
			log.warn("Could not delete stale guest carts: {}", ex.getClass().getSimpleName());
		}
	}

}
