package com.emporium.product.search;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.security.Caller;
import com.emporium.platform.web.InvalidFieldException;
import com.emporium.platform.web.ProblemException;
import com.emporium.product.catalog.Criteria;
import com.emporium.product.catalog.FoundProducts;
import com.emporium.product.catalog.ProductFinder;
import com.emporium.product.catalog.ProductSort;
import com.emporium.product.catalog.ProductSummary;
import com.emporium.product.catalog.Suggestion;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a shopper's search through the catalog (reusing what the same search matched a moment ago:
 * {@link SearchResultCache}), gives it an id and records it (the
 * {@code searches} row and {@link SearchPerformed}, in one transaction), and records the results
 * clicked in it ({@link SearchResultClicked}) after checking the click against the search.
 */
@Service
@EnableConfigurationProperties(SearchProperties.class)
class SearchEngine {

	/** The longest query: longer is refused (400 naming {@code q}), not cut. */
	static final int MAX_QUERY_LENGTH = 200;

	/** The furthest position a click may name: 100 pages of 100. */
	static final int MAX_POSITION = 10_000;

	private static final Logger log = LoggerFactory.getLogger(SearchEngine.class);

	private final ProductFinder finder;

	private final Searches searches;

	private final ApplicationEventPublisher events;

	private final SearchProperties properties;

	private final Clock clock;

	private final SearchResultCache cache;

	private final TransactionTemplate recording;

	SearchEngine(ProductFinder finder, Searches searches, ApplicationEventPublisher events,
			SearchProperties properties, Clock clock, SearchResultCache cache, PlatformTransactionManager transactions) {
		this.finder = finder;
		this.recording = new TransactionTemplate(transactions);
		this.cache = cache;
		this.searches = searches;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A page of results with facets, recorded as a search. Matching runs outside a transaction (its
	 * two statements take a connection each, at the same time: {@link ProductFinder#match}); the
	 * record and its event are one transaction of their own.
	 * @param filters the filters sent, by parameter name, as the event and the record keep them
	 */
	SearchResults search(String q, Criteria criteria, String sort, ProductFinder.Matching matching, int page, int size,
			Map<String, Object> filters, Caller caller, @Nullable String sessionId) {
		String query = checkQuery(q, "q");
		ProductSort order = ProductSort.of(sort);
		ProductFinder.Matches matches = this.cache.get(query, criteria, order, matching, page, size,
				this.properties.facetLimit(), () -> this.finder.match(query, criteria, order, matching,
						PageRequest.of(page, size), this.properties.facetLimit()));
		FoundProducts found = new FoundProducts(this.finder.summaries(matches.ids()), matches.total(),
				matches.facets(), matches.typoTolerant());
		List<UUID> productIds = found.items().stream().map(ProductSummary::id).toList();
		SearchPerformed search = new SearchPerformed(UUID.randomUUID(), this.clock.instant(), UUID.randomUUID(), query,
				caller.userId(), sessionId, filters, found.totalItems(), productIds);
		this.recording.executeWithoutResult((status) -> {
			this.searches.add(search);
			this.events.publishEvent(search);
		});
		log.debug("Search performed searchId={} results={}", search.searchId(), found.totalItems());
		int totalPages = (int) ((found.totalItems() + size - 1) / size);
		return new SearchResults(search.searchId(), query, sort, found.items(), page, size, found.totalItems(),
				totalPages, found.typoTolerant(), found.facets());
	}

	/** Completions for what a shopper types. */
	List<Suggestion> suggest(String q, int limit) {
		return this.finder.suggest(checkQuery(q, "q"), limit);
	}

	/**
	 * Records a click on a result of a recent search. The product must be listed; it need not be on
	 * the first page (only that page's ids are kept), but its position must be within the search's
	 * results. A signed-in shopper's search takes clicks from that shopper only.
	 */
	@Transactional
	void click(ClickRequest request, Caller caller, @Nullable String sessionId) {
		Instant now = this.clock.instant();
		Searches.Search search = this.searches.findSince(request.searchId(), now.minus(this.properties.clickWindow()))
			.orElseThrow(() -> InvalidFieldException.body("#/searchId",
					"is not a search of the last %s".formatted(this.properties.clickWindow())));
		if (search.userId() != null && !caller.is(search.userId())) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden",
					"Only the shopper who made a search may record clicks on its results.");
		}
		if (request.position() > search.resultCount()) {
			throw InvalidFieldException.body("#/position",
					"must be at most the search's number of results (%d)".formatted(search.resultCount()));
		}
		if (!this.finder.isListed(request.productId())) {
			throw InvalidFieldException.body("#/productId", "is not a listed product");
		}
		SearchResultClicked click = new SearchResultClicked(UUID.randomUUID(), now, search.id(), request.productId(),
				request.position(), search.query(), caller.userId(), sessionId);
		this.searches.addClick(click);
		this.events.publishEvent(click);
		log.debug("Search result clicked searchId={} productId={} position={}", search.id(), request.productId(),
				request.position());
	}

	/**
	 * A query as searched: trimmed; refused (400 naming the parameter) when blank, longer than
	 * {@value #MAX_QUERY_LENGTH}, with control characters (NUL included), or without a single letter
	 * or digit (nothing to search for: {@code '&|!:*()}). Quotes, operators and SQL in a query with
	 * words are searched for as text: the query is only ever a bind parameter, and
	 * {@code websearch_to_tsquery} reads any text without a syntax error.
	 */
	static String checkQuery(String q, String parameter) {
		String query = q.strip();
		if (query.isEmpty()) {
			throw InvalidFieldException.parameter(parameter, "must not be blank: to browse, use GET /api/v1/products");
		}
		if (q.length() > MAX_QUERY_LENGTH) {
			throw InvalidFieldException.parameter(parameter,
					"must be at most %d characters".formatted(MAX_QUERY_LENGTH));
		}
		if (q.chars().anyMatch(Character::isISOControl)) {
			throw InvalidFieldException.parameter(parameter, "must not contain control characters");
		}
		if (query.codePoints().noneMatch(Character::isLetterOrDigit)) {
			throw InvalidFieldException.parameter(parameter, "must contain a letter or a digit");
		}
		return query;
	}

}
