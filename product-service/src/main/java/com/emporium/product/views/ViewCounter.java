package com.emporium.product.views;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.tasks.Periodic;
import com.emporium.product.catalog.ProductReads;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Counts product reads as views, cheaply: the request's thread only asks an in-memory map whether
 * this viewer (user id, else session id, else client address) saw this product within the dedup
 * window, and notes the view in a queue. A background flush writes what was noted every
 * {@code flush-interval}, in one transaction: the counts (one update per product), the recently
 * viewed rows and a {@link ProductViewed} per counted view. No request waits for a write.
 * <p>
 * Trade-offs, chosen for the hot path: views noted but not yet flushed are lost if the instance
 * dies (at most one interval's worth; stopping normally flushes them), and each instance keeps its
 * own dedup memory, so a viewer whose reads land on two instances can count twice within a window.
 * Both only make popularity slightly approximate.
 */
@Component
@EnableConfigurationProperties(ViewProperties.class)
class ViewCounter extends Periodic implements ProductReads {

	/** Views written per transaction at most; a longer queue takes several. */
	static final int BATCH = 2_000;

	private static final Logger log = LoggerFactory.getLogger(ViewCounter.class);

	private final Map<String, Instant> seen = new ConcurrentHashMap<>();

	private final Queue<NotedView> noted = new ConcurrentLinkedQueue<>();

	private final ViewLedger ledger;

	private final ViewProperties properties;

	private final Clock clock;

	private Instant lastPurge;

	ViewCounter(ViewLedger ledger, ViewProperties properties, Clock clock) {
		super("product-views-flush", properties.flushInterval());
		this.ledger = ledger;
		this.properties = properties;
		this.clock = clock;
		this.lastPurge = clock.instant();
	}

	@Override
	public void read(UUID productId, Reader reader) {
		Instant now = this.clock.instant();
		boolean counted = firstWithinWindow(viewer(reader) + "|" + productId, now);
		if (counted || reader.userId() != null) {
			// A signed-in reader's repeat view counts no more, but moves the product to the top of
			// their recently viewed list.
			this.noted.add(new NotedView(productId, reader.userId(), reader.sessionId(), now, counted));
		}
	}

	/** Whether the viewer has not seen the product within the window; remembers that they have now. */
	boolean firstWithinWindow(String key, Instant now) {
		boolean[] first = { false };
		this.seen.compute(key, (ignored, until) -> {
			if (until != null && until.isAfter(now)) {
				return until;
			}
			first[0] = true;
			return now.plus(this.properties.dedupWindow());
		});
		if (this.seen.size() > this.properties.maxViewers()) {
			forget(now, true);
		}
		return first[0];
	}

	/** Writes every view noted so far: each batch in one transaction. */
	synchronized void flush() {
		List<NotedView> batch = new ArrayList<>();
		NotedView view;
		while ((view = this.noted.poll()) != null) {
			batch.add(view);
			if (batch.size() == BATCH) {
				write(batch);
				batch = new ArrayList<>();
			}
		}
		if (!batch.isEmpty()) {
			write(batch);
		}
		Instant now = this.clock.instant();
		if (Duration.between(this.lastPurge, now).compareTo(Duration.ofMinutes(1)) > 0) {
			forget(now, false);
			this.lastPurge = now;
		}
	}

	private void write(List<NotedView> batch) {
		try {
			this.ledger.record(batch);
		}
		catch (RuntimeException ex) {
			// Counts are approximate by design: a batch the database refused is dropped, not retried
			// forever from memory.
			log.warn("Dropped {} noted product views: {}", batch.size(), ex.toString());
		}
	}

	/**
	 * Forgets viewers whose window has passed; when {@code crowded}, also every other entry until
	 * the map is down to half its bound (those viewers' next views count again).
	 */
	private void forget(Instant now, boolean crowded) {
		this.seen.values().removeIf(until -> !until.isAfter(now));
		if (crowded && this.seen.size() > this.properties.maxViewers() / 2) {
			Iterator<String> keys = this.seen.keySet().iterator();
			while (keys.hasNext() && this.seen.size() > this.properties.maxViewers() / 2) {
				keys.next();
				keys.remove();
			}
		}
	}

	private static String viewer(Reader reader) {
		if (reader.userId() != null) {
			return "user:" + reader.userId();
		}
		return (reader.sessionId() != null) ? "session:" + reader.sessionId() : "address:" + reader.address();
	}

	@Override
	protected void runOnce() {
		flush();
	}

	/** Writes what is left when the application stops normally, before the database goes away. */
	@Override
	protected void afterStop() {
		flush();
	}

	/**
	 * A read to write down.
	 * @param counted whether it counts as a view (else it only refreshes recently viewed)
	 */
	record NotedView(UUID productId, @Nullable UUID userId, @Nullable String sessionId, Instant at,
			boolean counted) {
	}

}
