package com.emporium.recommendation.engine;

import java.io.Serializable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.fm.FMRegressionTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * The personalised model: a learned ranker over the candidates of the other models. For a shopper,
 * the generators (their own history, also-bought, bought-together, content, trending) propose
 * candidates; a Tribuo factorization machine scores each from features of the pair: how often and
 * how recently the shopper bought or touched it (interaction weights: purchase > cart > wishlist >
 * view), how strongly each generator proposes it, its popularity, trend and repeat rate, and the
 * shopper's affinity to its cluster. The factorization machine learns the pairwise interactions of
 * these features (a repeat-prone item bought recently by a regular customer), which a linear blend
 * cannot.
 * <p>
 * It learns from the data itself: the generators are trained once more as of {@code labelWindow}
 * before the end of the training data, and the ranker learns which of their candidates were bought
 * in that window. Items it does not score rank after the scored ones, by popularity.
 */
public final class PersonalisedModel implements Model, Serializable {

	private static final long serialVersionUID = 1L;

	private static final String OUTPUT = "bought";

	private final Generators generators;

	private final org.tribuo.Model<Regressor> ranker;

	private final EngineSettings settings;

	private final int trainingExamples;

	private PersonalisedModel(Generators generators, org.tribuo.Model<Regressor> ranker, EngineSettings settings,
			int trainingExamples) {
		this.generators = generators;
		this.ranker = ranker;
		this.settings = settings;
		this.trainingExamples = trainingExamples;
	}

	/** The same ranker on other generators: a copy of its own with a user forgotten. */
	PersonalisedModel on(Generators generators) {
		return new PersonalisedModel(generators, this.ranker, this.settings, this.trainingExamples);
	}

	/**
	 * @param interactions all interactions (the ones at or after {@code data.now()} are ignored)
	 * @param data the training data as of now, and {@code generators} trained on it
	 */
	static PersonalisedModel train(Collection<Interaction> interactions, Map<String, ItemInfo> catalog,
			Generators generators, EngineSettings settings, InteractionWeights weights) {
		TrainingData data = generators.data;
		RegressionFactory factory = new RegressionFactory();
		MutableDataset<Regressor> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("ranker", factory),
				factory);
		Random random = new Random(settings.seed());
		for (int w = 0; w < settings.labelWindows(); w++) {
			Instant labelEnd = data.now().minus(settings.labelWindow().multipliedBy(w));
			Instant labelStart = labelEnd.minus(settings.labelWindow());
			addExamples(interactions, catalog, settings, weights, labelStart, labelEnd, dataset, random);
		}
		if (dataset.size() == 0) {
			throw new NotEnoughDataException(
					"Nothing to learn the personalised ranker from: no purchase in the label window of "
							+ settings.labelWindow() + " by a known shopper");
		}
		FMRegressionTrainer trainer = new FMRegressionTrainer(new SquaredLoss(), new AdaGrad(0.05, 0.1), 8, 1_000_000, 1,
				settings.seed(), 6, 0.05, false);
		return new PersonalisedModel(generators, trainer.train(dataset), settings, dataset.size());
	}

	private static void addExamples(Collection<Interaction> interactions, Map<String, ItemInfo> catalog,
			EngineSettings settings, InteractionWeights weights, Instant labelStart, Instant labelEnd,
			MutableDataset<Regressor> dataset, Random random) {
		TrainingData past = TrainingData.of(interactions, catalog, labelStart, weights);
		if (past.userCount() == 0) {
			return;
		}
		Generators pastGenerators = new Generators(past, settings);
		Map<Integer, Set<Integer>> bought = new HashMap<>();
		for (Interaction interaction : interactions) {
			if (interaction.kind() == Interaction.Kind.PURCHASE && !interaction.at().isBefore(labelStart)
					&& interaction.at().isBefore(labelEnd)) {
				int user = past.user(interaction.user());
				int item = past.item(interaction.item());
				if (user >= 0 && item >= 0) {
					bought.computeIfAbsent(user, (u) -> new HashSet<>()).add(item);
				}
			}
		}
		bought.forEach((user, items) -> {
			BitSet excluded = settings.excludeBought() ? boughtBy(past, user) : null;
			Generators.Scored scored = pastGenerators.new Scored(Query.forUser(user),
					settings.candidatesPerGenerator(), excluded);
			List<Integer> negatives = new ArrayList<>();
			int positives = 0;
			for (int item : scored.candidates) {
				if (items.contains(item)) {
					dataset.add(example(1, scored.features(item)));
					positives++;
				}
				else {
					negatives.add(item);
				}
			}
			if (positives == 0) {
				return;
			}
			for (int n = 0; n < settings.negativesPerUser() && !negatives.isEmpty(); n++) {
				int item = negatives.remove(random.nextInt(negatives.size()));
				dataset.add(example(0, scored.features(item)));
			}
		});
	}

	static BitSet boughtBy(TrainingData data, int user) {
		BitSet bought = new BitSet(data.itemCount());
		if (user >= 0) {
			for (int r = data.rowStart[user]; r < data.rowStart[user + 1]; r++) {
				if (data.rowBaskets[r] > 0) {
					bought.set(data.rowItem[r]);
				}
			}
		}
		return bought;
	}

	private static ArrayExample<Regressor> example(double label, double[] features) {
		return new ArrayExample<>(new Regressor(OUTPUT, label), Generators.FEATURES, features);
	}

	@Override
	public String name() {
		return "personalised";
	}

	@Override
	public void score(Query query, float[] scores) {
		BitSet excluded = this.settings.excludeBought() ? boughtBy(this.generators.data, query.user()) : null;
		Generators.Scored scored = this.generators.new Scored(query, this.settings.candidatesPerGenerator(), excluded);
		for (int item : scored.candidates) {
			Prediction<Regressor> prediction = this.ranker
				.predict(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, Generators.FEATURES, scored.features(item)));
			// exp keeps the order and makes every scored candidate rank above the unscored (0).
			scores[item] += (float) Math.exp(prediction.getOutput().getValues()[0]);
		}
	}

	/**
	 * The shopper's best {@code n} items with their scores and reasons, computed together (one
	 * candidate pass): what the hybrid precomputes for every known shopper after training.
	 */
	Top top(int user, int n) {
		Query query = Query.forUser(user);
		BitSet excluded = this.settings.excludeBought() ? boughtBy(this.generators.data, user) : null;
		Generators.Scored scored = this.generators.new Scored(query, this.settings.candidatesPerGenerator(), excluded);
		float[] scores = new float[this.generators.data.itemCount()];
		for (int item : scored.candidates) {
			Prediction<Regressor> prediction = this.ranker
				.predict(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, Generators.FEATURES, scored.features(item)));
			scores[item] = (float) Math.exp(prediction.getOutput().getValues()[0]);
		}
		int[] items = Ranking.top(scores, Math.min(n, scored.candidates.length), null,
				this.generators.popularityScores());
		float[] itemScores = new float[items.length];
		Reason[] reasons = new Reason[items.length];
		for (int i = 0; i < items.length; i++) {
			itemScores[i] = scores[items[i]];
			reasons[i] = scored.reason(items[i]);
		}
		return new Top(items, itemScores, reasons);
	}

	/** A precomputed list: items best first, their scores and reasons. */
	record Top(int[] items, float[] scores, Reason[] reasons) implements Serializable {

		/** Nothing: the place of a forgotten shopper. */
		static final Top NONE = new Top(new int[0], new float[0], new Reason[0]);

	}

	@Override
	public Reason reason(Query query, int item) {
		BitSet excluded = this.settings.excludeBought() ? boughtBy(this.generators.data, query.user()) : null;
		return this.generators.new Scored(query, this.settings.candidatesPerGenerator(), excluded).reason(item);
	}

	int trainingExamples() {
		return this.trainingExamples;
	}

	org.tribuo.Model<Regressor> ranker() {
		return this.ranker;
	}

}
