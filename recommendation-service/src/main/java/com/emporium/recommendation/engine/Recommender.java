package com.emporium.recommendation.engine;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Every model of one training run, and the hybrid that serves them: what the service keeps in
 * memory and swaps atomically when a new version is activated. Immutable and thread-safe.
 * <p>
 * The hybrid, for a shopper's list:
 * <ol>
 * <li>a shopper the models know: the personalised ranker over all candidates;</li>
 * <li>a new shopper, or an anonymous one, with items in view (the product page, the cart, the
 * session's recent views): also-bought, bought-together and content similarity of those items;</li>
 * <li>nobody and nothing known: trending, then all-time popularity.</li>
 * </ol>
 * Each list is filled up to the limit with trending items. Items the caller does not allow
 * (deleted, out of stock) never appear; neither does an item the shopper bought within
 * {@code justBought}, unless it is a repeat-purchase item: one that at least
 * {@code repeatItemShare} of its buyers bought in two or more orders.
 */
public final class Recommender implements Serializable {

	private static final long serialVersionUID = 1L;

	/** How many items are precomputed per known shopper: enough to survive stock and just-bought filters. */
	static final int PRECOMPUTED = 100;

	private final TrainingData data;

	private final Generators generators;

	private final @Nullable PersonalisedModel personalised;

	private final @Nullable String personalisedFailure;

	private final Map<String, int[]> popularByCategory;

	private final float[] popularity;

	private final float[] trending;

	/** Per known shopper, the personalised list precomputed after training (null without the ranker). */
	private final PersonalisedModel.Top @Nullable [] precomputed;

	private Recommender(TrainingData data, Generators generators, @Nullable PersonalisedModel personalised,
			@Nullable String personalisedFailure) {
		this.data = data;
		this.generators = generators;
		this.personalised = personalised;
		this.personalisedFailure = personalisedFailure;
		this.popularity = generators.popularityScores();
		this.trending = new float[data.itemCount()];
		generators.trending.score(Query.forUser(-1), this.trending);
		Map<String, List<Integer>> byCategory = new HashMap<>();
		for (int item : Ranking.top(this.popularity, data.itemCount(), null, this.popularity)) {
			String category = data.info(item).category();
			if (category != null) {
				byCategory.computeIfAbsent(category, (c) -> new ArrayList<>()).add(item);
			}
		}
		if (personalised != null) {
			PersonalisedModel.Top[] tops = new PersonalisedModel.Top[data.userCount()];
			java.util.stream.IntStream.range(0, data.userCount())
				.parallel()
				.forEach((user) -> tops[user] = personalised.top(user, PRECOMPUTED));
			this.precomputed = tops;
		}
		else {
			this.precomputed = null;
		}
		this.popularByCategory = new HashMap<>();
		byCategory.forEach((category, items) -> this.popularByCategory.put(category,
				items.stream().mapToInt(Integer::intValue).toArray()));
	}

	/** A copy of {@code source} without one shopper: see {@link #without(String)}. */
	private Recommender(Recommender source, int user) {
		int from = source.data.rowStart[user];
		int to = source.data.rowStart[user + 1];
		this.data = source.data.without(user);
		this.generators = source.generators.without(this.data, user, from, to);
		this.personalised = (source.personalised != null) ? source.personalised.on(this.generators) : null;
		this.personalisedFailure = source.personalisedFailure;
		this.popularByCategory = source.popularByCategory;
		this.popularity = source.popularity;
		this.trending = source.trending;
		PersonalisedModel.Top[] tops = (source.precomputed != null) ? source.precomputed.clone() : null;
		if (tops != null) {
			tops[user] = PersonalisedModel.Top.NONE;
		}
		this.precomputed = tops;
	}

	/**
	 * Trains every model on the interactions before {@code now}. The personalised ranker needs
	 * purchases in its label windows; without them the hybrid serves the other models and
	 * {@link #personalisedFailure()} says why.
	 */
	public static Recommender train(Collection<Interaction> interactions, Map<String, ItemInfo> catalog, Instant now,
			EngineSettings settings, InteractionWeights weights) {
		TrainingData data = TrainingData.of(interactions, catalog, now, weights);
		Generators generators = new Generators(data, settings);
		try {
			return new Recommender(data, generators,
					PersonalisedModel.train(interactions, catalog, generators, settings, weights), null);
		}
		catch (NotEnoughDataException ex) {
			return new Recommender(data, generators, null, ex.getMessage());
		}
	}

	/**
	 * This recommender without a shopper (an erased account): it no longer knows their id, and
	 * keeps nothing of theirs — not their history (items, weights, recency, baskets), their
	 * precomputed list, their orders, nor their place among other shoppers' similar customers — so
	 * that it answers for them as for a shopper it never saw. What was computed over all shoppers
	 * stays as trained until the next training run: popularity and trending scores, item-to-item
	 * similarities, bought-together rules, the ranker's weights, and the lists precomputed for
	 * other shoppers. Cheap next to training: copies of the arrays, no model is retrained.
	 * @return a new recommender, or this one when it does not know the shopper
	 */
	public Recommender without(String user) {
		int u = this.data.user(user);
		return (u >= 0) ? new Recommender(this, u) : this;
	}

	/** {@link #without(String)} for each of these shoppers; this one when it knows none of them. */
	public Recommender without(Collection<String> users) {
		Recommender forgotten = this;
		for (String user : users) {
			forgotten = forgotten.without(user);
		}
		return forgotten;
	}

	public Instant trainedAt() {
		return this.data.now();
	}

	public int itemCount() {
		return this.data.itemCount();
	}

	/** The shoppers it knows (forgotten ones not counted). */
	public int userCount() {
		return this.data.knownUserCount();
	}

	public boolean knowsItem(String item) {
		return this.data.item(item) >= 0;
	}

	public boolean knowsUser(String user) {
		return this.data.user(user) >= 0;
	}

	/** Why the personalised ranker was not trained, if it was not. */
	public Optional<String> personalisedFailure() {
		return Optional.ofNullable(this.personalisedFailure);
	}

	/**
	 * A shopper's list.
	 * @param user a user id, or null for an anonymous shopper
	 * @param context product ids in view, most relevant first (unknown ones are ignored)
	 * @param limit the list's length at most
	 * @param allowed whether an item may be shown (in stock, not deleted)
	 * @param justBought how long after buying an item it is not recommended again (unless repeat)
	 * @param repeatItemShare the share of repeat buyers that makes an item a repeat-purchase item
	 * @param boughtSince items the shopper bought after the models were trained: left out like the
	 * ones bought within {@code justBought}, by the same rule
	 */
	public List<Recommendation> forShopper(@Nullable String user, List<String> context, int limit,
			Allowed allowed, Duration justBought, double repeatItemShare, Collection<String> boughtSince) {
		int u = (user != null) ? this.data.user(user) : -1;
		Query query = new Query(u, indexes(context));
		BitSet excluded = excluded(allowed);
		if (u >= 0) {
			excludeJustBought(u, justBought, repeatItemShare, excluded);
		}
		for (String item : boughtSince) {
			int i = this.data.item(item);
			if (i >= 0 && repeatShare(i) < repeatItemShare) {
				excluded.set(i);
			}
		}
		List<Recommendation> list = new ArrayList<>(limit);
		if (u >= 0 && this.precomputed != null) {
			PersonalisedModel.Top top = this.precomputed[u];
			for (int i = 0; i < top.items().length && list.size() < limit; i++) {
				int item = top.items()[i];
				if (!excluded.get(item)) {
					list.add(recommendation(item, top.scores()[i], "personalised", top.reasons()[i]));
					excluded.set(item);
				}
			}
		}
		else if (query.context().length > 0 || u >= 0) {
			float[] scores = new float[this.data.itemCount()];
			Generators.Scored scored = this.generators.new Scored(query, 1, null);
			// Normalised blend: each generator's best item scores 1.
			blend(scores, scored.alsoBought, 1.0f);
			blend(scores, scored.together, 1.0f);
			blend(scores, scored.similar, 0.5f);
			blend(scores, scored.customers, 1.0f);
			int[] top = Ranking.top(scores, limit, excluded, this.popularity);
			for (int item : top) {
				if (scores[item] > 0) {
					Reason reason = scored.reason(item);
					list.add(recommendation(item, scores[item], reason.code().equals("buy-again") ? "repeat-purchase"
							: algorithmOf(reason), reason));
					excluded.set(item);
				}
			}
		}
		fill(list, limit, excluded);
		return list;
	}

	/** Products like this one: bought or viewed by the same shoppers, or described alike. */
	public List<Recommendation> similar(String item, int limit, Allowed allowed) {
		int i = this.data.item(item);
		if (i < 0) {
			return List.of();
		}
		BitSet excluded = excluded(allowed);
		excluded.set(i);
		float[] scores = new float[this.data.itemCount()];
		float[] content = new float[this.data.itemCount()];
		Query query = Query.forItems(i);
		this.generators.alsoBought.score(query, scores);
		this.generators.content.score(query, content);
		blend(scores, content, 0.5f);
		List<Recommendation> list = new ArrayList<>(limit);
		for (int j : Ranking.top(scores, limit, excluded, this.popularity)) {
			if (scores[j] > 0) {
				boolean behavioural = this.generators.alsoBought.similarity(i, j) > 0;
				list.add(new Recommendation(this.data.itemId(j), scores[j], behavioural ? "also-bought" : "content",
						behavioural ? "also-bought" : "similar-to", item));
			}
		}
		return list;
	}

	/** Frequently bought together with this product: association rules by confidence (lift above 1). */
	public List<Recommendation> boughtTogether(String item, int limit, Allowed allowed) {
		int i = this.data.item(item);
		if (i < 0) {
			return List.of();
		}
		BitSet excluded = excluded(allowed);
		int[] with = this.generators.rules.boughtWith(i);
		float[] confidence = this.generators.rules.confidence(i);
		List<Recommendation> list = new ArrayList<>(limit);
		for (int r = 0; r < with.length && list.size() < limit; r++) {
			if (!excluded.get(with[r])) {
				list.add(new Recommendation(this.data.itemId(with[r]), confidence[r], "bought-together",
						"bought-together", item));
			}
		}
		return list;
	}

	/** The association rule's figures, for explaining a pair: support, confidence, lift; empty if none. */
	public Optional<double[]> rule(String item, String other) {
		int i = this.data.item(item);
		int j = this.data.item(other);
		if (i < 0 || j < 0) {
			return Optional.empty();
		}
		int[] with = this.generators.rules.boughtWith(i);
		for (int r = 0; r < with.length; r++) {
			if (with[r] == j) {
				return Optional.of(new double[] { this.generators.rules.support(i)[r],
						this.generators.rules.confidence(i)[r], this.generators.rules.lift(i)[r] });
			}
		}
		return Optional.empty();
	}

	public List<Recommendation> popular(int limit, Allowed allowed) {
		return ranked(this.popularity, limit, excluded(allowed), "popularity", "popular");
	}

	public List<Recommendation> trending(int limit, Allowed allowed) {
		return ranked(this.trending, limit, excluded(allowed), "trending", "trending");
	}

	/** The most popular items of a category (as the catalogue names it); empty for an unknown one. */
	public List<Recommendation> popularIn(String category, int limit, Allowed allowed) {
		int[] items = this.popularByCategory.getOrDefault(category, new int[0]);
		List<Recommendation> list = new ArrayList<>(limit);
		for (int i = 0; i < items.length && list.size() < limit; i++) {
			String id = this.data.itemId(items[i]);
			if (allowed.test(id)) {
				list.add(new Recommendation(id, this.popularity[items[i]], "popularity", "popular-in-category", null));
			}
		}
		return list;
	}

	private List<Recommendation> ranked(float[] scores, int limit, BitSet excluded, String algorithm, String reason) {
		List<Recommendation> list = new ArrayList<>(limit);
		for (int item : Ranking.top(scores, limit, excluded, this.popularity)) {
			if (scores[item] > 0) {
				list.add(new Recommendation(this.data.itemId(item), scores[item], algorithm, reason, null));
			}
		}
		return list;
	}

	private void fill(List<Recommendation> list, int limit, BitSet excluded) {
		if (list.size() >= limit) {
			return;
		}
		for (int item : Ranking.top(this.trending, limit - list.size(), excluded, this.popularity)) {
			list.add(new Recommendation(this.data.itemId(item), this.trending[item], "trending",
					(this.trending[item] > 0) ? "trending" : "popular", null));
		}
	}

	private Recommendation recommendation(int item, double score, String algorithm, Reason reason) {
		return new Recommendation(this.data.itemId(item), score, algorithm, reason.code(), reason.becauseOf(this.data));
	}

	private static String algorithmOf(Reason reason) {
		return switch (reason.code()) {
			case "bought-together" -> "bought-together";
			case "also-bought" -> "also-bought";
			case "similar-to" -> "content";
			case "customers-like-you" -> "similar-customers";
			default -> "trending";
		};
	}

	private static void blend(float[] into, float[] scores, float weight) {
		float max = 0;
		for (float s : scores) {
			max = Math.max(max, s);
		}
		if (max > 0) {
			for (int i = 0; i < into.length; i++) {
				into[i] += weight * scores[i] / max;
			}
		}
	}

	private int[] indexes(List<String> items) {
		return items.stream().mapToInt(this.data::item).filter((i) -> i >= 0).distinct().toArray();
	}

	private BitSet excluded(Allowed allowed) {
		return allowed.excluded(this);
	}

	/** The items it knows that {@code allowed} rules out, in its numbering: a test of every one. */
	public BitSet unavailable(Predicate<String> allowed) {
		BitSet excluded = new BitSet(this.data.itemCount());
		for (int i = 0; i < this.data.itemCount(); i++) {
			if (!allowed.test(this.data.itemId(i))) {
				excluded.set(i);
			}
		}
		return excluded;
	}

	/** Its number for an item, or -1 for one it does not know. */
	public int index(String item) {
		return this.data.item(item);
	}

	private void excludeJustBought(int user, Duration justBought, double repeatItemShare, BitSet excluded) {
		double days = justBought.toSeconds() / 86_400.0;
		TrainingData d = this.data;
		for (int r = d.rowStart[user]; r < d.rowStart[user + 1]; r++) {
			int item = d.rowItem[r];
			if (d.rowBaskets[r] > 0 && d.rowPurchaseAgeDays[r] < days && repeatShare(item) < repeatItemShare) {
				excluded.set(item);
			}
		}
	}

	/** The share of an item's buyers who bought it in two or more orders. */
	public double repeatShare(int item) {
		return (this.data.itemBuyers[item] > 0) ? (double) this.data.itemRepeatBuyers[item] / this.data.itemBuyers[item]
				: 0;
	}

}
