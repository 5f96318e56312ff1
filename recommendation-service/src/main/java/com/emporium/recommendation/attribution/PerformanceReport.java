package com.emporium.recommendation.attribution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import com.emporium.recommendation.engine.Evaluation;
import com.emporium.recommendation.interaction.InteractionLog;
import com.emporium.recommendation.interaction.InteractionType;
import com.emporium.recommendation.interaction.LoggedInteraction;
import com.emporium.recommendation.serving.ServedList;
import com.emporium.recommendation.serving.ServedLists;

import org.springframework.stereotype.Service;

/**
 * Counts, for a window of days, the impressions and clicks of recommended products, and the cart
 * adds and purchases they led to: by algorithm and context, and by A/B variant. One pass over the
 * interactions, oldest first, in chunks: each chunk's served lists are read at once, and only the
 * clicks and list-named cart adds of the last 24 hours are held to match what follows them, so a
 * year of interactions needs no more memory than a day of them.
 * <p>
 * A product's algorithm is the one that chose it, as its served list remembers; when the list is
 * no longer remembered (after {@code served-list-retention}), the algorithm the client sent. A cart
 * add that names its list ({@code recommendationId}, sent by the client with the add) is credited
 * to that list directly, as a click is: the algorithm that chose the product, the list's context
 * and variant; each product of a list counts once as carted within 24 hours, and the add spends
 * the latest click on the product by the same shopper, so that a later add without a list does not
 * credit that click again. A purchase whose order line names its list is credited the same way,
 * as bought, when that list is remembered and holds the product. Either is credited directly only
 * to a list served to the same shopper: a list served to another account is not theirs to credit
 * (a list served to no account, a guest's, cannot be told apart and counts). Every other cart add
 * and purchase is credited to the latest click on the same product by the same shopper (account or
 * session) in the 24 hours before it; each click counts at most once as carted and once as bought,
 * so nothing is credited twice.
 */
@Service
class PerformanceReport {

	/** The algorithms lists are made by: the engine's models and the catalog's new arrivals. */
	static final Set<String> ALGORITHMS;

	static {
		Set<String> algorithms = new LinkedHashSet<>(Evaluation.MODELS);
		algorithms.add("new-arrivals");
		ALGORITHMS = Set.copyOf(algorithms);
	}

	static final Duration CONVERSION_WINDOW = Duration.ofHours(24);

	static final String UNKNOWN = "unknown";

	private static final Set<InteractionType> TYPES = EnumSet.of(InteractionType.RECOMMENDATION_IMPRESSION,
			InteractionType.RECOMMENDATION_CLICK, InteractionType.CART_ADD, InteractionType.PURCHASE);

	private static final int CHUNK = 1000;

	private final InteractionLog interactions;

	private final ServedLists servedLists;

	private final Clock clock;

	PerformanceReport(InteractionLog interactions, ServedLists servedLists, Clock clock) {
		this.interactions = interactions;
		this.servedLists = servedLists;
		this.clock = clock;
	}

	/** @param algorithm only this algorithm's figures, or all when null */
	Report report(@Nullable String algorithm, int days) {
		Instant to = this.clock.instant();
		Instant from = to.minus(Duration.ofDays(days));
		Tally tally = new Tally(algorithm);
		try (Stream<LoggedInteraction> stream = this.interactions.streamOldestFirst(from, to, TYPES)) {
			Iterator<LoggedInteraction> cursor = stream.iterator();
			List<LoggedInteraction> chunk = new ArrayList<>(CHUNK);
			while (cursor.hasNext()) {
				chunk.add(cursor.next());
				if (chunk.size() == CHUNK || !cursor.hasNext()) {
					tally.add(chunk, lists(chunk));
					chunk.clear();
				}
			}
		}
		return tally.report(from, to, days, algorithm);
	}

	private Map<String, ServedList> lists(List<LoggedInteraction> chunk) {
		Set<String> ids = new HashSet<>();
		for (LoggedInteraction interaction : chunk) {
			if (interaction.recommendationId() != null) {
				ids.add(interaction.recommendationId());
			}
		}
		return this.servedLists.find(ids);
	}

	/** The counts so far, and the clicks still young enough to be followed by a conversion. */
	private static final class Tally {

		private final @Nullable String only;

		private final Map<String, Counts> byAlgorithm = new TreeMap<>();

		private final Map<String, Counts> byVariant = new TreeMap<>();

		private final Counts total = new Counts();

		/** Clicks of the last 24 hours, oldest first, and by shopper and product. */
		private final Deque<Click> recent = new ArrayDeque<>();

		private final Map<String, List<Click>> clicksByKey = new HashMap<>();

		/**
		 * Cart adds and purchases credited to their list in the last 24 hours, oldest first, and their
		 * kind, list and product.
		 */
		private final Deque<ListCredit> recentListCredits = new ArrayDeque<>();

		private final Set<String> listCreditKeys = new HashSet<>();

		Tally(@Nullable String only) {
			this.only = only;
		}

		void add(List<LoggedInteraction> chunk, Map<String, ServedList> lists) {
			for (LoggedInteraction interaction : chunk) {
				forget(interaction.occurredAt().minus(CONVERSION_WINDOW));
				switch (interaction.type()) {
					case RECOMMENDATION_IMPRESSION ->
						credit(interaction, lists).forEach(counts -> counts.impressions++);
					case RECOMMENDATION_CLICK -> {
						List<Counts> credited = credit(interaction, lists);
						credited.forEach(counts -> counts.clicks++);
						if (!credited.isEmpty()) {
							remember(new Click(interaction, credited));
						}
					}
					case CART_ADD -> {
						// A forgotten list cannot be checked: the add is credited to what it carries.
						ServedList list = listOf(interaction, lists);
						if (interaction.recommendationId() != null && (list == null || servedTo(list, interaction))) {
							creditToList(interaction, lists);
						}
						else {
							convert(interaction);
						}
					}
					case PURCHASE -> {
						// The checkout's recommendation goes on every line that has none of its own: a
						// line is credited to the list only when the list holds its product.
						ServedList list = listOf(interaction, lists);
						if (list != null && servedTo(list, interaction)
								&& list.algorithmOf(interaction.productId()) != null) {
							creditToList(interaction, lists);
						}
						else {
							convert(interaction);
						}
					}
					default -> {
					}
				}
			}
		}

		private static @Nullable ServedList listOf(LoggedInteraction interaction, Map<String, ServedList> lists) {
			return (interaction.recommendationId() != null) ? lists.get(interaction.recommendationId()) : null;
		}

		/**
		 * Whether a list may be credited with what this shopper did: it was served to their account,
		 * or to no account (a guest's, which a cart or order later signed in cannot be matched
		 * with), or the interaction names no account (a guest cart's add).
		 */
		private static boolean servedTo(ServedList list, LoggedInteraction interaction) {
			return list.userId() == null || interaction.userId() == null || list.userId().equals(interaction.userId());
		}

		/** The counters an impression or click goes to; none when filtered out by algorithm. */
		private List<Counts> credit(LoggedInteraction interaction, Map<String, ServedList> lists) {
			ServedList list = (interaction.recommendationId() != null) ? lists.get(interaction.recommendationId())
					: null;
			String algorithm = (list != null) ? list.algorithmOf(interaction.productId()) : null;
			if (algorithm == null) {
				algorithm = (interaction.algorithm() != null) ? interaction.algorithm() : UNKNOWN;
			}
			if (this.only != null && !this.only.equals(algorithm)) {
				return List.of();
			}
			String context = (interaction.context() != null) ? interaction.context()
					: (list != null) ? list.context() : UNKNOWN;
			String variant = (list != null) ? list.variant() : UNKNOWN;
			return List.of(this.total, this.byAlgorithm.computeIfAbsent(algorithm + "\n" + context, k -> new Counts()),
					this.byVariant.computeIfAbsent(variant, k -> new Counts()));
		}

		private void remember(Click click) {
			this.recent.addLast(click);
			for (String key : keys(click.interaction())) {
				this.clicksByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(click);
			}
		}

		private void forget(Instant before) {
			while (!this.recentListCredits.isEmpty() && this.recentListCredits.peekFirst().at().isBefore(before)) {
				this.listCreditKeys.remove(this.recentListCredits.removeFirst().key());
			}
			while (!this.recent.isEmpty() && this.recent.peekFirst().interaction().occurredAt().isBefore(before)) {
				Click old = this.recent.removeFirst();
				for (String key : keys(old.interaction())) {
					List<Click> clicks = this.clicksByKey.get(key);
					if (clicks != null) {
						clicks.remove(old);
						if (clicks.isEmpty()) {
							this.clicksByKey.remove(key);
						}
					}
				}
			}
		}

		/**
		 * Credits a cart add or purchase that names its list to that list, as a click on the product
		 * would be; once per product of a list within 24 hours (as carted, and as bought). It spends
		 * the latest click on the product by the same shopper, whichever list that click was on, so
		 * that the click rule does not credit the same conversion again.
		 */
		private void creditToList(LoggedInteraction conversion, Map<String, ServedList> lists) {
			boolean purchase = conversion.type() == InteractionType.PURCHASE;
			Click latest = latestClick(conversion);
			if (latest != null) {
				if (purchase) {
					latest.bought = true;
				}
				else {
					latest.carted = true;
				}
			}
			String key = conversion.type() + "\n" + conversion.recommendationId() + "\n" + conversion.productId();
			if (!this.listCreditKeys.add(key)) {
				return;
			}
			this.recentListCredits.addLast(new ListCredit(key, conversion.occurredAt()));
			credit(conversion, lists).forEach(counts -> {
				if (purchase) {
					counts.purchases++;
				}
				else {
					counts.addToCarts++;
				}
			});
		}

		/** Credits a cart add or purchase to the latest click on the product by the same shopper. */
		private void convert(LoggedInteraction conversion) {
			Click latest = latestClick(conversion);
			if (latest == null) {
				return;
			}
			if (conversion.type() == InteractionType.CART_ADD && !latest.carted) {
				latest.carted = true;
				latest.credited().forEach(counts -> counts.addToCarts++);
			}
			else if (conversion.type() == InteractionType.PURCHASE && !latest.bought) {
				latest.bought = true;
				latest.credited().forEach(counts -> counts.purchases++);
			}
		}

		/** The latest click of the last 24 hours on the product by the same shopper, or null. */
		private @Nullable Click latestClick(LoggedInteraction conversion) {
			Click latest = null;
			for (String key : keys(conversion)) {
				for (Click click : this.clicksByKey.getOrDefault(key, List.of())) {
					if (latest == null || click.interaction().occurredAt().isAfter(latest.interaction().occurredAt())) {
						latest = click;
					}
				}
			}
			return latest;
		}

		/**
		 * Who did it to which product: by account and by session (a click by a signed-in shopper
		 * who also sent their session matches what either did afterwards).
		 */
		private static List<String> keys(LoggedInteraction interaction) {
			List<String> keys = new ArrayList<>(2);
			if (interaction.userId() != null) {
				keys.add("user:" + interaction.userId() + ":" + interaction.productId());
			}
			if (interaction.sessionId() != null) {
				keys.add("session:" + interaction.sessionId() + ":" + interaction.productId());
			}
			return keys;
		}

		Report report(Instant from, Instant to, int days, @Nullable String algorithm) {
			List<AlgorithmRow> algorithms = this.byAlgorithm.entrySet().stream().map(entry -> {
				String[] key = entry.getKey().split("\n", 2);
				return new AlgorithmRow(key[0], key[1], entry.getValue().figures());
			}).sorted(Comparator.comparing(AlgorithmRow::algorithm).thenComparing(AlgorithmRow::context)).toList();
			List<VariantRow> variants = this.byVariant.entrySet()
				.stream()
				.map(entry -> new VariantRow(entry.getKey(), entry.getValue().figures()))
				.toList();
			return new Report(from, to, days, algorithm, this.total.figures(), algorithms, variants);
		}

	}

	/** A cart add or purchase credited to its list: {@code key} is its kind, the list's id and the product's. */
	private record ListCredit(String key, Instant at) {
	}

	/** A click that may still be followed by a cart add or purchase, and the counters it went to. */
	private static final class Click {

		private final LoggedInteraction interaction;

		private final List<Counts> credited;

		boolean carted;

		boolean bought;

		Click(LoggedInteraction interaction, List<Counts> credited) {
			this.interaction = interaction;
			this.credited = credited;
		}

		LoggedInteraction interaction() {
			return this.interaction;
		}

		List<Counts> credited() {
			return this.credited;
		}

	}

	private static final class Counts {

		long impressions;

		long clicks;

		long addToCarts;

		long purchases;

		Figures figures() {
			return new Figures(this.impressions, this.clicks, rate(this.clicks, this.impressions), this.addToCarts,
					this.purchases, rate(this.purchases, this.clicks));
		}

		private static double rate(long part, long whole) {
			return (whole > 0) ? (double) part / whole : 0;
		}

	}

	/**
	 * @param ctr clicks per impression
	 * @param addToCarts cart adds that name the list (each product of a list once within 24 h), and
	 * clicks followed within 24 h by a cart add of the product that names no list
	 * @param purchases purchases whose order line names the list (each product of a list once within
	 * 24 h), and clicks followed within 24 h by a purchase of the product that names none
	 * @param conversion purchases per click (purchases credited without a click count too)
	 */
	record Figures(long impressions, long clicks, double ctr, long addToCarts, long purchases, double conversion) {
	}

	/** @param context where the lists were shown */
	record AlgorithmRow(String algorithm, String context, Figures figures) {
	}

	/** @param variant {@code A}, {@code B}, or {@code unknown} for lists no longer remembered */
	record VariantRow(String variant, Figures figures) {
	}

	/**
	 * @param algorithm the filter, if any
	 * @param totals everything counted
	 */
	record Report(Instant from, Instant to, int days, @Nullable String algorithm, Figures totals,
			List<AlgorithmRow> byAlgorithm, List<VariantRow> byVariant) {
	}

}
