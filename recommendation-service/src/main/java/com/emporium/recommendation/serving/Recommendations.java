package com.emporium.recommendation.serving;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.web.NotFoundException;
import com.emporium.recommendation.catalog.CatalogItem;
import com.emporium.recommendation.catalog.CatalogReplica;
import com.emporium.recommendation.engine.Allowed;
import com.emporium.recommendation.engine.Recommendation;
import com.emporium.recommendation.engine.Recommender;
import com.emporium.recommendation.interaction.InteractionLog;
import com.emporium.recommendation.interaction.InteractionType;
import com.emporium.recommendation.interaction.LoggedInteraction;
import com.emporium.recommendation.serving.ActiveModel.Choice;
import com.emporium.recommendation.serving.RecommendationViews.ReasonView;
import com.emporium.recommendation.serving.RecommendationViews.RecommendationList;
import com.emporium.recommendation.serving.RecommendationViews.RecommendedItem;
import com.emporium.recommendation.serving.ServedList.ServedItem;

import org.springframework.stereotype.Service;

/**
 * Builds every list: the model's picks (of the shopper's A/B variant) among the products the
 * catalog allows, filled up to the limit with fallbacks (the model's popularity, then the catalog's
 * newest products), named and explained from the catalog, and remembered for attribution. With no
 * model loaded (a fresh install) every list comes from the catalog, never an error.
 */
@Service
class Recommendations {

	static final String NEW_ARRIVALS = "new-arrivals";

	/** How many recently viewed products make a shopper's context, and how far back. */
	static final int RECENT = 10;

	static final Duration RECENT_WINDOW = Duration.ofDays(30);

	/** The cart is read from this many newest cart changes and purchases. */
	static final int CART_HISTORY = 200;

	private static final Set<InteractionType> VIEWS = EnumSet.of(InteractionType.VIEW, InteractionType.SEARCH_CLICK);

	private static final Set<InteractionType> CART = EnumSet.of(InteractionType.CART_ADD, InteractionType.CART_REMOVE,
			InteractionType.PURCHASE);

	private final ActiveModel model;

	private final CatalogSnapshot snapshot;

	private final CatalogReplica replica;

	private final InteractionLog interactions;

	private final ServedLists served;

	private final ServingProperties properties;

	private final Clock clock;

	Recommendations(ActiveModel model, CatalogSnapshot snapshot, CatalogReplica replica, InteractionLog interactions,
			ServedLists served, ServingProperties properties, Clock clock) {
		this.model = model;
		this.snapshot = snapshot;
		this.replica = replica;
		this.interactions = interactions;
		this.served = served;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A shopper's list: personalised for a shopper the model knows, else from what they look at
	 * (the product page's product, the cart, their recent views), else trending.
	 */
	RecommendationList forShopper(Caller caller, ShopperContext context, @Nullable UUID productId, int limit) {
		if (context == ShopperContext.PRODUCT_PAGE && productId == null) {
			throw new InvalidParameterException("productId", "is required for context product_page");
		}
		if (productId != null) {
			requireProduct(productId);
		}
		Instant now = this.clock.instant();
		List<String> inView = new ArrayList<>();
		if (productId != null) {
			inView.add(productId.toString());
		}
		if (context == ShopperContext.CART || context == ShopperContext.CHECKOUT) {
			inView.addAll(cart(caller, now));
		}
		if (inView.size() <= 1) {
			inView.addAll(recentlyViewed(caller, now));
		}
		Choice choice = this.model.choose(caller.key());
		Collection<String> boughtSince = (choice.served() != null)
				? boughtSince(caller, choice.served().recommender().trainedAt()) : List.of();
		String page = (productId != null) ? productId.toString() : null;
		return serve(caller, context, limit, page, "personalised", choice,
				(recommender, allowed) -> recommender.forShopper(caller.key(), List.copyOf(new LinkedHashSet<>(inView)),
						limit, allowed, this.properties.justBought(), this.properties.repeatItemShare(), boughtSince),
				List.of(newest(null)));
	}

	/** Products like this one: bought by the same shoppers or described alike; else popular in its category. */
	RecommendationList similar(UUID productId, Caller caller, ShopperContext context, int limit) {
		CatalogItem product = requireProduct(productId);
		String id = productId.toString();
		return serve(caller, context, limit, id, "also-bought", this.model.choose(caller.key()),
				(recommender, allowed) -> recommender.similar(id, limit, allowed), aroundProduct(product));
	}

	/** Products bought in the same orders as this one; else popular in its category. */
	RecommendationList boughtTogether(UUID productId, Caller caller, ShopperContext context, int limit) {
		CatalogItem product = requireProduct(productId);
		String id = productId.toString();
		return serve(caller, context, limit, id, "bought-together", this.model.choose(caller.key()),
				(recommender, allowed) -> recommender.boughtTogether(id, limit, allowed), aroundProduct(product));
	}

	RecommendationList popular(Caller caller, ShopperContext context, int limit) {
		return serve(caller, context, limit, null, "popularity", this.model.choose(caller.key()),
				(recommender, allowed) -> recommender.popular(limit, allowed), List.of(newest(null)));
	}

	RecommendationList trending(Caller caller, ShopperContext context, int limit) {
		return serve(caller, context, limit, null, "trending", this.model.choose(caller.key()),
				(recommender, allowed) -> recommender.trending(limit, allowed),
				List.of(fromModel(Recommender::popular), newest(null)));
	}

	/**
	 * The catalog's newest products, read from the replica itself (not the snapshot, which may lag
	 * a refresh behind): a product is a new arrival as soon as the replica has it. No model involved.
	 */
	RecommendationList newArrivals(Caller caller, ShopperContext context, int limit) {
		Map<String, CatalogItem> newest = new LinkedHashMap<>();
		this.replica.newest(limit).forEach(item -> newest.put(item.id().toString(), item));
		Fallback fromReplica = (recommender, allowed, remaining) -> newest.keySet()
			.stream()
			.map(id -> new Recommendation(id, 0, NEW_ARRIVALS, Reasons.NEW_ARRIVAL, null))
			.toList();
		return serve(caller, context, limit, null, NEW_ARRIVALS, new Choice(null, AbSplit.A),
				(recommender, allowed) -> List.of(), List.of(fromReplica), new Lookup(newest));
	}

	/** A category's most popular products, then its newest. */
	RecommendationList category(UUID categoryId, Caller caller, ShopperContext context, int limit) {
		String category = categoryId.toString();
		return serve(caller, context, limit, null, "popularity", this.model.choose(caller.key()),
				(recommender, allowed) -> recommender.popularIn(category, limit, allowed),
				List.of(newest(categoryId)));
	}

	/** For a product's own lists: popular in its category, popular anywhere, newest alike, newest. */
	private List<Fallback> aroundProduct(CatalogItem product) {
		String id = product.id().toString();
		List<Fallback> fallbacks = new ArrayList<>();
		UUID categoryId = product.categoryId();
		if (categoryId != null) {
			String category = categoryId.toString();
			fallbacks.add(fromModel((recommender, remaining, allowed) -> recommender.popularIn(category, remaining,
					allowed)));
			fallbacks.add((recommender, allowed, remaining) -> this.snapshot
				.newest(item -> categoryId.equals(item.categoryId()) && allowed.test(item.id().toString()), Set.of(id),
						remaining)
				.stream()
				.map(item -> new Recommendation(item.id().toString(), 0, "content", "similar-to", id))
				.toList());
		}
		fallbacks.add(fromModel(Recommender::popular));
		fallbacks.add(newest(null));
		return fallbacks;
	}

	/** A fallback only a model can give: nothing without one. */
	private static Fallback fromModel(ModelFill fill) {
		return (recommender, allowed, remaining) -> (recommender != null) ? fill.apply(recommender, remaining, allowed)
				: List.of();
	}

	/** The catalog's newest available products (of a category, if given): the fallback of last resort. */
	private Fallback newest(@Nullable UUID categoryId) {
		return (recommender, allowed, remaining) -> this.snapshot
			.newest(item -> (categoryId == null || categoryId.equals(item.categoryId()))
					&& allowed.test(item.id().toString()), Set.of(), remaining)
			.stream()
			.map(item -> new Recommendation(item.id().toString(), 0, NEW_ARRIVALS, Reasons.NEW_ARRIVAL, null))
			.toList();
	}

	private RecommendationList serve(Caller caller, ShopperContext context, int limit, @Nullable String page,
			String nominal, Choice choice, ModelPick pick, List<Fallback> fallbacks) {
		return serve(caller, context, limit, page, nominal, choice, pick, fallbacks, new Lookup(null));
	}

	private RecommendationList serve(Caller caller, ShopperContext context, int limit, @Nullable String page,
			String nominal, Choice choice, ModelPick pick, List<Fallback> fallbacks, Lookup lookup) {
		Set<String> taken = new HashSet<>();
		Allowed allowed = new RequestAllowed(taken, page, lookup);
		List<Recommendation> picked = new ArrayList<>(limit);
		Recommender recommender = (choice.served() != null) ? choice.served().recommender() : null;
		if (recommender != null) {
			add(pick.apply(recommender, allowed), limit, picked, taken, allowed);
		}
		for (Fallback fallback : fallbacks) {
			if (picked.size() >= limit) {
				break;
			}
			add(fallback.apply(recommender, allowed, limit - picked.size()), limit, picked, taken, allowed);
		}
		List<RecommendedItem> items = picked.stream().map((r) -> item(r, page, lookup)).toList();
		String algorithm = mainAlgorithm(picked, nominal);
		Long version = (choice.served() != null) ? choice.served().version() : null;
		Instant servedAt = this.clock.instant();
		String recommendationId = RecommendationIds.next(servedAt).toString();
		this.served.remember(new ServedList(recommendationId, caller.userId(), caller.sessionId(), context.wire(),
				choice.variant(), version, algorithm,
				picked.stream().map(r -> new ServedItem(UUID.fromString(r.item()), r.algorithm())).toList(),
				servedAt));
		return new RecommendationList(recommendationId, algorithm, context.wire(), version, items);
	}

	private static void add(List<Recommendation> candidates, int limit, List<Recommendation> picked, Set<String> taken,
			Allowed allowed) {
		for (Recommendation candidate : candidates) {
			if (picked.size() >= limit) {
				return;
			}
			// The engine checked allowed already; fallbacks may repeat what the model picked.
			if (allowed.test(candidate.item())) {
				picked.add(candidate);
				taken.add(candidate.item());
			}
		}
	}

	private RecommendedItem item(Recommendation recommendation, @Nullable String page, Lookup lookup) {
		CatalogItem product = lookup.get(recommendation.item());
		CatalogItem because = (recommendation.because() != null) ? lookup.get(recommendation.because()) : null;
		String becauseName = (because != null) ? because.name() : null;
		ReasonView reason = new ReasonView(recommendation.reason(),
				Reasons.text(recommendation.reason(), becauseName,
						recommendation.because() != null && recommendation.because().equals(page),
						product.categoryName()),
				(because != null) ? because.id() : null, becauseName);
		double score = Double.isFinite(recommendation.score()) ? recommendation.score() : 0;
		// Only available products are picked, and those have a name.
		return new RecommendedItem(product.id(), String.valueOf(product.name()), product.price(), product.currency(),
				score, recommendation.algorithm(), reason);
	}

	/** The algorithm that chose most of the list (the first one among equals); {@code nominal} if empty. */
	private static String mainAlgorithm(List<Recommendation> picked, String nominal) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		picked.forEach(r -> counts.merge(r.algorithm(), 1, Integer::sum));
		return counts.entrySet()
			.stream()
			.reduce((best, next) -> (next.getValue() > best.getValue()) ? next : best)
			.map(Map.Entry::getKey)
			.orElse(nominal);
	}

	/** A product the replica lists (unlisted ones too); 404 for an unknown, deleted or unnamed one. */
	CatalogItem requireProduct(UUID productId) {
		CatalogItem product = this.snapshot.get(productId);
		if (product == null) {
			// The snapshot may lag the replica by a refresh.
			product = this.replica.find(List.of(productId)).get(productId);
		}
		if (product == null || product.name() == null || product.deleted()) {
			throw new NotFoundException("product", productId);
		}
		return product;
	}

	private List<String> recentlyViewed(Caller caller, Instant now) {
		return distinctProducts(this.interactions.recent(caller.userId(), caller.sessionId(), VIEWS,
				now.minus(RECENT_WINDOW), RECENT * 3), RECENT);
	}

	/**
	 * The cart as its changes tell it: what was added and not taken out since the last purchase
	 * (checkout empties the cart), most recently added first.
	 */
	private List<String> cart(Caller caller, Instant now) {
		Map<String, Integer> quantities = new LinkedHashMap<>();
		for (LoggedInteraction change : this.interactions.recent(caller.userId(), caller.sessionId(), CART,
				now.minus(RECENT_WINDOW), CART_HISTORY)) {
			if (change.type() == InteractionType.PURCHASE) {
				break;
			}
			int quantity = (change.quantity() != null) ? change.quantity() : 1;
			quantities.merge(change.productId().toString(),
					(change.type() == InteractionType.CART_ADD) ? quantity : -quantity, Integer::sum);
		}
		return quantities.entrySet()
			.stream()
			.filter(entry -> entry.getValue() > 0)
			.map(Map.Entry::getKey)
			.limit(RECENT)
			.toList();
	}

	private Collection<String> boughtSince(Caller caller, Instant trainedAt) {
		if (caller.userId() == null) {
			return List.of();
		}
		return distinctProducts(this.interactions.recent(caller.userId(), null, EnumSet.of(InteractionType.PURCHASE),
				trainedAt, CART_HISTORY), CART_HISTORY);
	}

	private static List<String> distinctProducts(List<LoggedInteraction> interactions, int limit) {
		return interactions.stream()
			.map(interaction -> interaction.productId().toString())
			.distinct()
			.limit(limit)
			.toList();
	}

	/**
	 * Who asks: a signed-in shopper, an anonymous session, both, or neither.
	 * @param userId the account, or null
	 * @param sessionId the {@code X-Session-Id}, or null
	 */
	record Caller(@Nullable UUID userId, @Nullable String sessionId) {

		/** As the models know shoppers: the user id, else {@code session:<id>}; null for neither. */
		@Nullable String key() {
			if (this.userId != null) {
				return this.userId.toString();
			}
			return (this.sessionId != null) ? LoggedInteraction.SESSION_PREFIX + this.sessionId : null;
		}

	}

	/**
	 * Where a list's products are looked up: the snapshot, or the products a query just read
	 * (then those, and only those, are available).
	 */
	private final class Lookup {

		private final @Nullable Map<String, CatalogItem> read;

		Lookup(@Nullable Map<String, CatalogItem> read) {
			this.read = read;
		}

		boolean available(String productId) {
			return (this.read != null) ? this.read.containsKey(productId)
					: Recommendations.this.snapshot.available(productId);
		}

		@Nullable CatalogItem get(String productId) {
			CatalogItem item = (this.read != null) ? this.read.get(productId) : null;
			return (item != null) ? item : Recommendations.this.snapshot.get(productId);
		}

	}

	/**
	 * What one list may show: available, not its own page's product, not picked already. A model
	 * reads the catalog's part from the snapshot's set for it and adds the page and the picks.
	 */
	private final class RequestAllowed implements Allowed {

		private final Set<String> taken;

		private final @Nullable String page;

		private final Lookup lookup;

		RequestAllowed(Set<String> taken, @Nullable String page, Lookup lookup) {
			this.taken = taken;
			this.page = page;
			this.lookup = lookup;
		}

		@Override
		public boolean test(String id) {
			return !this.taken.contains(id) && !id.equals(this.page) && this.lookup.available(id);
		}

		@Override
		public BitSet excluded(Recommender recommender) {
			if (this.lookup.read != null) {
				return Allowed.super.excluded(recommender);
			}
			BitSet excluded = Recommendations.this.snapshot.unavailable(recommender);
			if (this.page != null && recommender.index(this.page) >= 0) {
				excluded.set(recommender.index(this.page));
			}
			for (String id : this.taken) {
				if (recommender.index(id) >= 0) {
					excluded.set(recommender.index(id));
				}
			}
			return excluded;
		}

	}

	/** What the model picks for a list. */
	@FunctionalInterface
	private interface ModelPick {

		List<Recommendation> apply(Recommender recommender, Allowed allowed);

	}

	/** What fills a list up to its limit; {@code recommender} is null when no model is loaded. */
	@FunctionalInterface
	private interface Fallback {

		List<Recommendation> apply(@Nullable Recommender recommender, Allowed allowed, int remaining);

	}

	/** A model's list of {@code remaining} allowed products. */
	@FunctionalInterface
	private interface ModelFill {

		List<Recommendation> apply(Recommender recommender, int remaining, Allowed allowed);

	}

}
