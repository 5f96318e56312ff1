package com.emporium.product.search;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.catalog.search.*}.
 *
 * @param clickWindow how long after a search its clicks are accepted (and the search kept)
 * @param facetLimit the most matches a search's facets count; beyond it they count the first this
 * many and say {@code capped}. Counting costs about 2 µs per match on every search, so a query
 * matching much of a 100,000-product catalog would otherwise spend more on its facets than on its
 * page (docs/catalog.md).
 * @param cacheTtl how long a search's matches (page ids, total, facets) are reused for the same
 * search; a catalog change this instance commits ends them at once; 0 turns the cache off
 * ({@link SearchResultCache})
 * @param cacheSize the most searches kept; the least used go first
 */
@ConfigurationProperties("emporium.catalog.search")
@Validated
record SearchProperties(@NotNull @DefaultValue("PT24H") Duration clickWindow,
		@Min(1) @DefaultValue("10000") int facetLimit, @NotNull @DefaultValue("30s") Duration cacheTtl,
		@Min(1) @DefaultValue("10000") int cacheSize) {

	SearchProperties {
		if (cacheTtl != null && cacheTtl.isNegative()) {
			throw new IllegalArgumentException(
					"emporium.catalog.search.cache-ttl must be 0 (no cache) or more, was " + cacheTtl);
		}
	}

}
