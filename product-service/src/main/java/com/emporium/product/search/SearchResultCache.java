package com.emporium.product.search;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;

import com.emporium.platform.events.EmporiumEvent;
import com.emporium.product.catalog.Criteria;
import com.emporium.product.catalog.ProductCreated;
import com.emporium.product.catalog.ProductDeleted;
import com.emporium.product.catalog.ProductFinder;
import com.emporium.product.catalog.ProductSort;
import com.emporium.product.catalog.ProductUpdated;
import com.emporium.product.catalog.StockChanged;
import com.emporium.product.reviews.ReviewPosted;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What recent searches matched (a page of ids, the total, the facets), so that a query many
 * shoppers make costs one pass over the matches per catalog change, not one per request: ranking
 * and counting a broad query's thousands of matches costs tens of milliseconds of database time,
 * and on a 100,000-product catalog a few such searches a second would take the whole machine.
 * <p>
 * An entry is kept for {@code emporium.catalog.search.cache-ttl} at most. Every catalog change this
 * instance commits (a product created, changed or deleted, a review, a variant's stock reaching 0 or
 * coming back from 0) starts a new generation, and entries of older generations are never served again: the
 * generation is read before the database is, and changed only after the change is committed, so
 * an entry can be older than the data it was read from, never newer. Changes committed by another
 * instance (or before this one started, for stock coming back), a category moved in the tree and
 * view counts (the popularity sort) show within the TTL. The page's
 * products themselves (prices, stock, names) are always read fresh. The {@code ILIKE} baseline is
 * never cached: it is there to be measured.
 */
@Component
class SearchResultCache {

	/** The events after which a cached search may be wrong. */
	private static final Set<Class<? extends EmporiumEvent>> CHANGES = Set.of(ProductCreated.class,
			ProductUpdated.class, ProductDeleted.class, ReviewPosted.class);

	private final AtomicLong generation = new AtomicLong();

	/** The variants this instance saw sell out: their stock coming back is a change too. */
	private final Cache<String, Boolean> soldOut = Caffeine.newBuilder().maximumSize(100_000).build();

	private final @Nullable Cache<Key, ProductFinder.Matches> entries;

	@Autowired
	SearchResultCache(SearchProperties properties) {
		this(properties, Ticker.systemTicker());
	}

	SearchResultCache(SearchProperties properties, Ticker ticker) {
		this.entries = properties.cacheTtl().isZero() ? null
				: Caffeine.newBuilder()
					.maximumSize(properties.cacheSize())
					.expireAfterWrite(properties.cacheTtl())
					.ticker(ticker)
					.build();
	}

	/** The cached matches of this search, else {@code match}'s, which are then kept. */
	ProductFinder.Matches get(String query, Criteria criteria, ProductSort sort, ProductFinder.Matching matching,
			int page, int size, int facetLimit, Supplier<ProductFinder.Matches> match) {
		if (this.entries == null || matching == ProductFinder.Matching.ILIKE) {
			return match.get();
		}
		Key key = new Key(this.generation.get(), query, criteria, sort, matching, page, size, facetLimit);
		// One computation per key: shoppers who make the same search at once wait for the first.
		return this.entries.get(key, (k) -> match.get());
	}

	/** A catalog change: after its transaction commits, no search cached before it is served. */
	@EventListener
	void on(EmporiumEvent event) {
		if (!changesResults(event)) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					SearchResultCache.this.generation.incrementAndGet();
				}
			});
		}
		else {
			this.generation.incrementAndGet();
		}
	}

	private boolean changesResults(EmporiumEvent event) {
		if (event instanceof StockChanged stock) {
			// Only stock that crosses zero can move a product in or out of "in stock", and
			// checkouts change stock all the time without crossing it.
			String sku = stock.productId() + "/" + stock.sku();
			if (stock.available() == 0) {
				this.soldOut.put(sku, Boolean.TRUE);
				return true;
			}
			return this.soldOut.asMap().remove(sku) != null;
		}
		return CHANGES.contains(event.getClass());
	}

	/** Entries held, for tests. */
	long size() {
		if (this.entries == null) {
			return 0;
		}
		this.entries.cleanUp();
		return this.entries.estimatedSize();
	}

	private record Key(long generation, String query, Criteria criteria, ProductSort sort,
			ProductFinder.Matching matching, int page, int size, int facetLimit) {
	}

}
