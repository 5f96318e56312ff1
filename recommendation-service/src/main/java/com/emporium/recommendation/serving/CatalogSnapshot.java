package com.emporium.recommendation.serving;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.recommendation.catalog.CatalogItem;
import com.emporium.recommendation.catalog.CatalogReplica;
import com.emporium.recommendation.engine.Recommender;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The catalog replica in memory, so that deciding whether a product may be shown (every item the
 * model knows, for every list) and naming it costs a map lookup, not a query. Every
 * {@code catalog-refresh} it reads what the replica wrote since its last look (with a few seconds
 * of overlap: writes of other replicas may land late), and every {@code catalog-reload} the whole
 * replica. Each refresh builds a new immutable state, swapped in one write.
 */
@Component
class CatalogSnapshot implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(CatalogSnapshot.class);

	/** How far back a refresh reads before its last look: writes land out of order, clocks differ. */
	private static final Duration OVERLAP = Duration.ofSeconds(5);

	private static final Comparator<CatalogItem> NEWEST_FIRST = Comparator
		.comparing(CatalogItem::createdAt, Comparator.nullsLast(Comparator.reverseOrder()))
		.thenComparing(item -> item.id().toString());

	private final CatalogReplica replica;

	private final Clock clock;

	private volatile State state = State.of(new HashMap<>());

	private Instant lastLook = Instant.EPOCH;

	CatalogSnapshot(CatalogReplica replica, Clock clock) {
		this.replica = replica;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		reload();
	}

	/** Reads the whole replica. */
	@Scheduled(initialDelayString = "${emporium.recommendation.serving.catalog-reload:10m}",
			fixedDelayString = "${emporium.recommendation.serving.catalog-reload:10m}")
	synchronized void reload() {
		Instant now = this.clock.instant();
		Map<String, CatalogItem> items = new HashMap<>();
		for (CatalogItem item : this.replica.loadAll()) {
			items.put(item.id().toString(), item);
		}
		this.state = State.of(items);
		this.lastLook = now;
		log.debug("Catalog snapshot reloaded products={}", items.size());
	}

	/** Reads what changed since the last look. */
	@Scheduled(initialDelayString = "${emporium.recommendation.serving.catalog-refresh:2s}",
			fixedDelayString = "${emporium.recommendation.serving.catalog-refresh:2s}")
	synchronized void refresh() {
		Instant now = this.clock.instant();
		List<CatalogItem> changed = this.replica.changedSince(this.lastLook.minus(OVERLAP));
		this.lastLook = now;
		if (changed.isEmpty()) {
			return;
		}
		Map<String, CatalogItem> items = new HashMap<>(this.state.items());
		for (CatalogItem item : changed) {
			items.put(item.id().toString(), item);
		}
		this.state = State.of(items);
	}

	/** The product, deleted ones included; null when the replica does not know it. */
	@Nullable CatalogItem get(String productId) {
		return this.state.items().get(productId);
	}

	@Nullable CatalogItem get(UUID productId) {
		return get(productId.toString());
	}

	/** Whether it may be recommended: known, named, listed, not deleted, not out of stock. */
	boolean available(String productId) {
		return this.state.available(productId);
	}

	/**
	 * The items {@code recommender} knows that may not be recommended now, in its numbering, as a
	 * new set the caller may change: worked out once per catalog state and model, so that a list
	 * costs a copy of it, not a lookup of every item the model knows.
	 */
	BitSet unavailable(Recommender recommender) {
		State current = this.state;
		return (BitSet) current.unavailable().computeIfAbsent(recommender, (model) -> model.unavailable(current::available))
			.clone();
	}

	/** The newest available products that match, skipping {@code except}, at most {@code limit}. */
	List<CatalogItem> newest(Predicate<CatalogItem> matching, Collection<String> except, int limit) {
		Set<String> skipped = Set.copyOf(except);
		List<CatalogItem> newest = new ArrayList<>(limit);
		for (CatalogItem item : this.state.newest()) {
			if (newest.size() >= limit) {
				break;
			}
			if (matching.test(item) && !skipped.contains(item.id().toString())) {
				newest.add(item);
			}
		}
		return newest;
	}

	/**
	 * @param items by product id
	 * @param newest the available ones, newest first
	 */
	/**
	 * @param unavailable per model, the items it knows that this state rules out: computed on first
	 * use, once per state (a model swapped out goes with the next state)
	 */
	private record State(Map<String, CatalogItem> items, List<CatalogItem> newest,
			Map<Recommender, BitSet> unavailable) {

		static State of(Map<String, CatalogItem> items) {
			List<CatalogItem> newest = items.values()
				.stream()
				.filter(CatalogItem::available)
				.sorted(NEWEST_FIRST)
				.toList();
			return new State(Collections.unmodifiableMap(items), newest, new ConcurrentHashMap<>());
		}

		boolean available(String productId) {
			CatalogItem item = this.items.get(productId);
			return item != null && item.available();
		}

	}

}
