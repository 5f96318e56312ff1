package com.emporium.recommendation.engine;

import java.io.Serializable;

import java.util.BitSet;

/**
 * The candidate generators trained on one snapshot of the data, and the features the personalised
 * ranker reads from them for a (shopper, item) pair. Trained twice per run: once on the data
 * before the ranker's own label window (to learn the ranker), once on all the data (to serve).
 */
final class Generators implements Serializable {

	private static final long serialVersionUID = 1L;

	/** The ranker's features, in this order. */
	static final String[] FEATURES = { "bought", "log-baskets", "bought-recency-30", "bought-recency-180",
			"touched-recency-30", "log-weight", "basket-share", "also-bought", "also-bought-rel", "bought-together",
			"bought-together-rel", "content-rel", "cluster-affinity", "log-popularity", "log-trending",
			"item-repeat-rate", "user-log-baskets", "user-recency-30", "history-rank", "rel-baskets", "in-last-basket",
			"user-repeat-share", "decayed-30", "decayed-120", "similar-customers", "similar-customers-rel", "purchase-rate", "log-interval",
			"due-ratio", "user-log-tenure" };

	final TrainingData data;

	final PopularityModel popularity;

	final PopularityModel trending;

	final ItemKnnModel alsoBought;

	final BasketRulesModel rules;

	final ContentModel content;

	final UserKnnModel similarCustomers;

	private final float[] popularityScores;

	private final float[] trendingScores;

	Generators(TrainingData data, EngineSettings settings) {
		this.data = data;
		this.popularity = PopularityModel.popularity(data);
		this.trending = PopularityModel.trending(data, settings.trendingHalfLifeDays());
		this.alsoBought = ItemKnnModel.alsoBought(data, settings.neighbours(), settings.recencyHalfLifeDays());
		this.rules = BasketRulesModel.mine(data, settings.neighbours(), settings.minBasketSupport(),
				settings.recencyHalfLifeDays());
		this.content = ContentModel.train(data, settings.neighbours(), settings.clusters(), settings.seed());
		this.similarCustomers = UserKnnModel.train(data, settings.neighbours());
		this.popularityScores = new float[data.itemCount()];
		this.popularity.score(Query.forUser(-1), this.popularityScores);
		this.trendingScores = new float[data.itemCount()];
		this.trending.score(Query.forUser(-1), this.trendingScores);
	}

	/** A copy of {@code source} on {@code data}: see {@link #without}. */
	private Generators(Generators source, TrainingData data, int user, int from, int to) {
		this.data = data;
		this.popularity = source.popularity;
		this.trending = source.trending;
		this.alsoBought = source.alsoBought.on(data);
		this.rules = source.rules.on(data);
		this.content = source.content.on(data);
		this.similarCustomers = source.similarCustomers.without(data, user, from, to);
		this.popularityScores = source.popularityScores;
		this.trendingScores = source.trendingScores;
	}

	/**
	 * The generators on {@code data}, a copy of theirs without {@code user} (whose rows were
	 * {@code [from, to)}): the user's history and their place among similar customers are gone;
	 * what was computed over everyone (popularity, item similarities, rules) stays.
	 */
	Generators without(TrainingData data, int user, int from, int to) {
		return new Generators(this, data, user, from, to);
	}

	float[] popularityScores() {
		return this.popularityScores;
	}

	/** The scores of every generator for one query, and the candidates drawn from them. */
	final class Scored {

		final Query query;

		final float[] alsoBought;

		final float[] together;

		final float[] similar;

		final float[] customers;

		private final float maxCustomers;

		final int[] candidates;

		/** Per item: the row of the shopper's history, or -1. */
		private final int[] row;

		private final float maxAlsoBought;

		private final float maxTogether;

		private final float maxSimilar;

		private final float[] clusterShare;

		/** Per item: its place in the shopper's buy-again order (1 = most often bought), or 0. */
		private final int[] historyRank;

		private int maxBaskets;

		private float repeatShare;

		Scored(Query query, int perGenerator, BitSet excluded) {
			this.query = query;
			int items = Generators.this.data.itemCount();
			this.alsoBought = new float[items];
			this.together = new float[items];
			this.similar = new float[items];
			Generators.this.alsoBought.score(query, this.alsoBought);
			Generators.this.rules.score(query, this.together);
			Generators.this.content.score(query, this.similar);
			this.customers = new float[items];
			Generators.this.similarCustomers.score(query, this.customers);
			this.maxCustomers = max(this.customers);
			this.maxAlsoBought = max(this.alsoBought);
			this.maxTogether = max(this.together);
			this.maxSimilar = max(this.similar);
			this.row = new int[items];
			java.util.Arrays.fill(this.row, -1);
			TrainingData d = Generators.this.data;
			this.clusterShare = new float[Generators.this.content.clusterCount()];
			BitSet chosen = new BitSet(items);
			if (query.knownUser()) {
				int rows = d.rowStart[query.user() + 1] - d.rowStart[query.user()];
				for (int r = d.rowStart[query.user()]; r < d.rowStart[query.user() + 1]; r++) {
					this.row[d.rowItem[r]] = r;
					chosen.set(d.rowItem[r]);
					this.clusterShare[Generators.this.content.cluster(d.rowItem[r])] += 1f / rows;
				}
			}
			this.historyRank = new int[items];
			if (query.knownUser()) {
				float[] repeat = new float[items];
				new RepeatPurchaseModel(d).score(query, repeat);
				int boughtCount = 0;
				int repeated = 0;
				for (int r = d.rowStart[query.user()]; r < d.rowStart[query.user() + 1]; r++) {
					this.maxBaskets = Math.max(this.maxBaskets, d.rowBaskets[r]);
					boughtCount += (d.rowBaskets[r] > 0) ? 1 : 0;
					repeated += (d.rowBaskets[r] > 1) ? 1 : 0;
				}
				this.repeatShare = (boughtCount > 0) ? (float) repeated / boughtCount : 0;
				int[] order = Ranking.top(repeat, boughtCount, null, Generators.this.popularityScores);
				for (int p = 0; p < order.length; p++) {
					this.historyRank[order[p]] = p + 1;
				}
			}
			for (int c : query.context()) {
				chosen.set(c);
			}
			addTop(chosen, this.alsoBought, perGenerator * 2, excluded);
			addTop(chosen, this.together, perGenerator, excluded);
			addTop(chosen, this.similar, perGenerator, excluded);
			addTop(chosen, this.customers, perGenerator * 2, excluded);
			addTop(chosen, Generators.this.trendingScores, perGenerator, excluded);
			if (excluded != null) {
				chosen.andNot(excluded);
			}
			this.candidates = chosen.stream().toArray();
		}

		private void addTop(BitSet chosen, float[] scores, int k, BitSet excluded) {
			for (int item : Ranking.top(scores, k, excluded, Generators.this.popularityScores)) {
				if (scores[item] > 0) {
					chosen.set(item);
				}
			}
		}

		/** The ranker's features for one candidate, in {@link #FEATURES} order. */
		double[] features(int item) {
			TrainingData d = Generators.this.data;
			double[] f = new double[FEATURES.length];
			int r = this.row[item];
			int user = this.query.user();
			if (r >= 0) {
				boolean bought = d.rowBaskets[r] > 0;
				f[0] = bought ? 1 : 0;
				f[1] = Math.log1p(d.rowBaskets[r]);
				f[2] = bought ? Math.exp(-d.rowPurchaseAgeDays[r] / 30.0) : 0;
				f[3] = bought ? Math.exp(-d.rowPurchaseAgeDays[r] / 180.0) : 0;
				f[4] = Math.exp(-d.rowAgeDays[r] / 30.0);
				f[5] = Math.log1p(d.rowWeight[r]);
				f[6] = (user >= 0 && d.userBaskets[user] > 0) ? (double) d.rowBaskets[r] / d.userBaskets[user] : 0;
			}
			f[7] = Math.log1p(this.alsoBought[item]);
			f[8] = (this.maxAlsoBought > 0) ? this.alsoBought[item] / this.maxAlsoBought : 0;
			f[9] = Math.log1p(this.together[item]);
			f[10] = (this.maxTogether > 0) ? this.together[item] / this.maxTogether : 0;
			f[11] = (this.maxSimilar > 0) ? this.similar[item] / this.maxSimilar : 0;
			f[12] = this.clusterShare[Generators.this.content.cluster(item)];
			f[13] = Math.log1p(Generators.this.popularityScores[item]);
			f[14] = Math.log1p(Generators.this.trendingScores[item]);
			f[15] = (d.itemBuyers[item] > 0) ? (double) d.itemRepeatBuyers[item] / d.itemBuyers[item] : 0;
			if (user >= 0) {
				f[16] = Math.log1p(d.userBaskets[user]);
				f[17] = Float.isFinite(d.userLastBasketAgeDays[user]) ? Math.exp(-d.userLastBasketAgeDays[user] / 30.0)
						: 0;
			}
			if (this.historyRank[item] > 0) {
				f[18] = 1.0 / this.historyRank[item];
			}
			if (r >= 0 && this.maxBaskets > 0) {
				f[19] = (double) d.rowBaskets[r] / this.maxBaskets;
				f[20] = (d.rowBaskets[r] > 0 && d.rowPurchaseAgeDays[r] <= d.userLastBasketAgeDays[user] + 0.01) ? 1 : 0;
			}
			f[21] = this.repeatShare;
			if (r >= 0) {
				f[22] = d.rowDecayed30[r];
				f[23] = Math.log1p(d.rowDecayed120[r]);
			}
			if (r >= 0 && d.rowBaskets[r] > 0) {
				// Replenishment: how often the shopper buys it, and whether it is due again.
				float tenure = Math.max(30, d.userFirstBasketAgeDays[user]);
				f[26] = d.rowBaskets[r] / tenure * 30;
				if (d.rowBaskets[r] > 1) {
					double interval = Math.max(1,
							(d.rowFirstPurchaseAgeDays[r] - d.rowPurchaseAgeDays[r]) / (d.rowBaskets[r] - 1));
					f[27] = Math.log1p(interval);
					f[28] = Math.min(5, d.rowPurchaseAgeDays[r] / interval);
				}
			}
			if (user >= 0) {
				f[29] = Math.log1p(d.userFirstBasketAgeDays[user]);
			}
			f[24] = Math.log1p(10 * this.customers[item]);
			f[25] = (this.maxCustomers > 0) ? this.customers[item] / this.maxCustomers : 0;
			return f;
		}

		/** The generator that contributes most to an item, as a reason. */
		Reason reason(int item) {
			int r = this.row[item];
			if (r >= 0 && Generators.this.data.rowBaskets[r] > 0) {
				return Reason.of("buy-again");
			}
			float a = (this.maxAlsoBought > 0) ? this.alsoBought[item] / this.maxAlsoBought : 0;
			float t = (this.maxTogether > 0) ? this.together[item] / this.maxTogether : 0;
			float s = (this.maxSimilar > 0) ? this.similar[item] / this.maxSimilar : 0;
			if (t > 0 && t >= a && t >= s) {
				return Generators.this.rules.reason(this.query, item);
			}
			if (a > 0 && a >= s) {
				return Generators.this.alsoBought.reason(this.query, item);
			}
			if (s > 0) {
				return Generators.this.content.reason(this.query, item);
			}
			return Generators.this.trending.reason(this.query, item);
		}

	}

	private static float max(float[] scores) {
		float max = 0;
		for (float s : scores) {
			max = Math.max(max, s);
		}
		return max;
	}

}
