package com.emporium.product.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.emporium.product.catalog.Criteria;
import com.emporium.product.catalog.Facets;
import com.emporium.product.catalog.ProductDeleted;
import com.emporium.product.catalog.ProductFinder;
import com.emporium.product.catalog.ProductSort;
import com.emporium.product.catalog.StockChanged;
import com.emporium.product.reviews.ReviewPosted;
import com.emporium.product.views.ProductViewed;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SearchResultCacheTests {

	static final Criteria NONE = new Criteria(null, null, null, null, null, false, null, List.of());

	final AtomicLong nanos = new AtomicLong();

	final SearchResultCache cache = new SearchResultCache(properties(Duration.ofSeconds(30)), this.nanos::get);

	final AtomicInteger matched = new AtomicInteger();

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void theSameSearchIsMatchedOnceAndAnyOtherApart() {
		ProductFinder.Matches first = search("lantern");
		assertThat(search("lantern")).isSameAs(first);
		assertThat(this.matched).hasValue(1);
		search("Lantern");
		this.cache.get("lantern", NONE, ProductSort.PRICE_ASC, ProductFinder.Matching.FULL_TEXT, 0, 20, 10_000,
				this::match);
		this.cache.get("lantern", NONE, ProductSort.RELEVANCE, ProductFinder.Matching.FULL_TEXT, 1, 20, 10_000,
				this::match);
		this.cache.get("lantern", new Criteria(null, "acme", null, null, null, false, null, List.of()),
				ProductSort.RELEVANCE, ProductFinder.Matching.FULL_TEXT, 0, 20, 10_000, this::match);
		assertThat(this.matched).hasValue(5);
	}

	@Test
	void entriesLastTheTtl() {
		search("lantern");
		this.nanos.addAndGet(Duration.ofSeconds(29).toNanos());
		search("lantern");
		assertThat(this.matched).hasValue(1);
		this.nanos.addAndGet(Duration.ofSeconds(2).toNanos());
		search("lantern");
		assertThat(this.matched).hasValue(2);
	}

	@Test
	void aCatalogChangeEndsEveryCachedSearch() {
		search("lantern");
		search("mug");
		this.cache.on(new ProductDeleted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID()));
		search("lantern");
		search("mug");
		assertThat(this.matched).hasValue(4);
		this.cache.on(new ReviewPosted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), 5));
		search("lantern");
		assertThat(this.matched).hasValue(5);
	}

	@Test
	void aChangeCountsOnceItsTransactionCommitsAndNotIfItRollsBack() {
		search("lantern");
		TransactionSynchronizationManager.initSynchronization();
		this.cache.on(new ProductDeleted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID()));
		search("lantern");
		assertThat(this.matched).as("not committed yet").hasValue(1);
		List<TransactionSynchronization> rolledBack = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationManager.clearSynchronization();
		rolledBack.forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
		search("lantern");
		assertThat(this.matched).as("rolled back").hasValue(1);

		TransactionSynchronizationManager.initSynchronization();
		this.cache.on(new ProductDeleted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID()));
		List<TransactionSynchronization> committed = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationManager.clearSynchronization();
		committed.forEach(TransactionSynchronization::afterCommit);
		search("lantern");
		assertThat(this.matched).as("committed").hasValue(2);
	}

	@Test
	void stockMattersOnlyWhenItReachesZeroOrComesBackFromIt() {
		UUID product = UUID.randomUUID();
		search("lantern");
		this.cache.on(stock(product, "A", 5));
		search("lantern");
		assertThat(this.matched).as("5 left: still in stock").hasValue(1);
		this.cache.on(stock(product, "A", 0));
		search("lantern");
		assertThat(this.matched).as("sold out").hasValue(2);
		this.cache.on(stock(product, "B", 3));
		search("lantern");
		assertThat(this.matched).as("another variant, never seen sold out").hasValue(2);
		this.cache.on(stock(product, "A", 7));
		search("lantern");
		assertThat(this.matched).as("back in stock").hasValue(3);
		this.cache.on(stock(product, "A", 6));
		search("lantern");
		assertThat(this.matched).hasValue(3);
	}

	@Test
	void eventsThatLeaveTheCatalogAsItIsKeepTheCache() {
		search("lantern");
		this.cache.on(new ProductViewed(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), null, "session-1"));
		search("lantern");
		assertThat(this.matched).hasValue(1);
	}

	@Test
	void aZeroTtlTurnsTheCacheOffAndTheIlikeBaselineIsNeverCached() {
		SearchResultCache off = new SearchResultCache(properties(Duration.ZERO), this.nanos::get);
		off.get("lantern", NONE, ProductSort.RELEVANCE, ProductFinder.Matching.FULL_TEXT, 0, 20, 10_000, this::match);
		off.get("lantern", NONE, ProductSort.RELEVANCE, ProductFinder.Matching.FULL_TEXT, 0, 20, 10_000, this::match);
		assertThat(this.matched).hasValue(2);
		this.cache.get("lantern", NONE, ProductSort.RELEVANCE, ProductFinder.Matching.ILIKE, 0, 20, 10_000,
				this::match);
		this.cache.get("lantern", NONE, ProductSort.RELEVANCE, ProductFinder.Matching.ILIKE, 0, 20, 10_000,
				this::match);
		assertThat(this.matched).hasValue(4);
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void aNegativeTtlIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ofSeconds(-1)))
			.withMessageContaining("emporium.catalog.search.cache-ttl");
	}

	private ProductFinder.Matches search(String query) {
		return this.cache.get(query, NONE, ProductSort.RELEVANCE, ProductFinder.Matching.FULL_TEXT, 0, 20, 10_000,
				this::match);
	}

	private ProductFinder.Matches match() {
		this.matched.incrementAndGet();
		return new ProductFinder.Matches(List.of(UUID.randomUUID()), 1,
				new Facets(List.of(), List.of(), List.of(), new Facets.Availability(1, 0), false), false);
	}

	private static StockChanged stock(UUID product, String sku, int available) {
		return new StockChanged(UUID.randomUUID(), Instant.now(), product, sku, available);
	}

	private static SearchProperties properties(Duration ttl) {
		return new SearchProperties(Duration.ofHours(24), 10_000, ttl, 10_000);
	}

}
