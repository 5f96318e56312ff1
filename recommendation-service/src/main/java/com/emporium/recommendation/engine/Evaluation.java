package com.emporium.recommendation.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Trains every model on the train part of a {@link TimeSplit} and measures each on its test users,
 * ranking the whole catalogue (every item known at the cut; no sampled negatives). The service's
 * training runs and the offline command share this code.
 */
public final class Evaluation {

	/** The three baselines of the protocol, and the engine's own models. */
	public static final List<String> MODELS = List.of("popularity", "item-knn", "repeat-purchase", "trending",
			"also-bought", "bought-together", "similar-customers", "content", "personalised");

	public static final Set<String> BASELINES = Set.of("popularity", "item-knn", "repeat-purchase");

	private final TimeSplit split;

	private final Map<String, ItemInfo> catalog;

	private final InteractionWeights weights;

	private final int k;

	public Evaluation(TimeSplit split, Map<String, ItemInfo> catalog, InteractionWeights weights, int k) {
		this.split = split;
		this.catalog = catalog;
		this.weights = weights;
		this.k = k;
	}

	/**
	 * @param settings the engine's settings; {@code excludeBought} picks the setting measured
	 * @return metrics per model, in {@link #MODELS} order
	 */
	public List<Metrics> run(EngineSettings settings) {
		TrainingData data = TrainingData.of(this.split.train(), this.catalog, this.split.cut(), this.weights);
		Map<String, Function<TrainingData, Model>> trainers = new LinkedHashMap<>();
		trainers.put("popularity", PopularityModel::popularity);
		trainers.put("item-knn", (d) -> ItemKnnModel.baseline(d, 50));
		trainers.put("repeat-purchase", RepeatPurchaseModel::new);
		trainers.put("trending", (d) -> PopularityModel.trending(d, settings.trendingHalfLifeDays()));
		trainers.put("also-bought",
				(d) -> ItemKnnModel.alsoBought(d, settings.neighbours(), settings.recencyHalfLifeDays()));
		trainers.put("bought-together", (d) -> BasketRulesModel.mine(d, settings.neighbours(),
				settings.minBasketSupport(), settings.recencyHalfLifeDays()));
		trainers.put("similar-customers", (d) -> UserKnnModel.train(d, settings.neighbours()));
		trainers.put("content",
				(d) -> ContentModel.train(d, settings.neighbours(), settings.clusters(), settings.seed()));
		trainers.put("personalised", (d) -> PersonalisedModel.train(this.split.train(), this.catalog,
				new Generators(d, settings), settings, this.weights));
		float[] popularity = new float[data.itemCount()];
		PopularityModel.popularity(data).score(Query.forUser(-1), popularity);
		List<Metrics> results = new ArrayList<>();
		trainers.forEach((name, trainer) -> {
			long started = System.nanoTime();
			Model model;
			try {
				model = trainer.apply(data);
			}
			catch (NotEnoughDataException ex) {
				// Too little data for this model (a fresh shop): left out of the table, not a failed run.
				return;
			}
			double seconds = Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0;
			results.add(evaluate(model, data, popularity, settings.excludeBought(), seconds));
		});
		return results;
	}

	/** Measures one trained model on the test users. */
	public Metrics evaluate(Model model, TrainingData data, float[] popularity, boolean excludeBought,
			double trainingSeconds) {
		List<Map.Entry<String, Set<String>>> users = new ArrayList<>(this.split.truth().entrySet());
		users.sort(Map.Entry.comparingByKey());
		int[][] tops = new int[users.size()][];
		IntStream.range(0, users.size()).parallel().forEach((i) -> {
			int user = data.user(users.get(i).getKey());
			float[] scores = new float[data.itemCount()];
			model.score(Query.forUser(user), scores);
			BitSet excluded = excludeBought ? PersonalisedModel.boughtBy(data, user) : null;
			tops[i] = Ranking.top(scores, this.k, excluded, popularity);
		});
		Metrics.Accumulator accumulator = new Metrics.Accumulator(this.k, data.itemCount());
		for (int i = 0; i < users.size(); i++) {
			Set<String> truth = users.get(i).getValue();
			boolean[] relevant = new boolean[tops[i].length];
			for (int p = 0; p < tops[i].length; p++) {
				relevant[p] = truth.contains(data.itemId(tops[i][p]));
			}
			accumulator.add(tops[i], relevant, truth.size());
		}
		return accumulator.result(model.name(), trainingSeconds);
	}

}
