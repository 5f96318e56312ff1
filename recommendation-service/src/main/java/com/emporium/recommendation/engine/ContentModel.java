package com.emporium.recommendation.engine;

import java.io.Serializable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Content-based similarity: each product becomes a TF-IDF vector of the words of its name and
 * description, its category and its tags (category and tags weigh double); products are similar
 * by the cosine of their vectors. The same vectors are clustered with Tribuo's K-Means (cosine
 * distance), which groups products into "kinds" even where the catalogue has no categories; a
 * shopper's cluster affinity drives category-style recommendations.
 * <p>
 * It needs no interactions, so it is the fallback for a new product nobody has bought yet.
 */
public final class ContentModel implements Model, Serializable {

	private static final long serialVersionUID = 1L;

	private static final Set<String> STOPWORDS = Set.of("a", "an", "and", "of", "the", "in", "on", "for", "with",
			"to", "set", "x", "s", "pack", "size");

	private final TrainingData data;

	private final Neighbours neighbours;

	private final int[] clusterOf;

	private final int clusters;

	private final KMeansModel kmeans;

	private ContentModel(TrainingData data, Neighbours neighbours, int[] clusterOf, int clusters, KMeansModel kmeans) {
		this.data = data;
		this.neighbours = neighbours;
		this.clusterOf = clusterOf;
		this.clusters = clusters;
		this.kmeans = kmeans;
	}

	public static ContentModel train(TrainingData data, int k, int clusters, long seed) {
		int items = data.itemCount();
		// Terms per item, then IDF.
		Map<String, Integer> termIndex = new HashMap<>();
		List<Map<Integer, Float>> tf = new ArrayList<>(items);
		for (int i = 0; i < items; i++) {
			Map<Integer, Float> counts = new HashMap<>();
			ItemInfo info = data.info(i);
			for (String token : tokens(info.text())) {
				counts.merge(termIndex.computeIfAbsent(token, (t) -> termIndex.size()), 1f, Float::sum);
			}
			if (info.category() != null) {
				counts.merge(termIndex.computeIfAbsent("category:" + info.category(), (t) -> termIndex.size()), 2f,
						Float::sum);
			}
			for (String tag : info.tags()) {
				counts.merge(termIndex.computeIfAbsent("tag:" + tag.toLowerCase(Locale.ROOT), (t) -> termIndex.size()),
						2f, Float::sum);
			}
			tf.add(counts);
		}
		int terms = termIndex.size();
		int[] df = new int[terms];
		for (Map<Integer, Float> counts : tf) {
			for (int term : counts.keySet()) {
				df[term]++;
			}
		}
		int[][] itemTerms = new int[items][];
		float[][] itemWeights = new float[items][];
		int[] postingCount = new int[terms + 1];
		for (int i = 0; i < items; i++) {
			Map<Integer, Float> counts = tf.get(i);
			int[] ts = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
			float[] ws = new float[ts.length];
			double norm = 0;
			for (int t = 0; t < ts.length; t++) {
				double idf = Math.log((1.0 + items) / (1.0 + df[ts[t]])) + 1;
				ws[t] = (float) ((1 + Math.log(counts.get(ts[t]))) * idf);
				norm += ws[t] * ws[t];
			}
			norm = Math.sqrt(norm);
			for (int t = 0; t < ts.length; t++) {
				ws[t] /= (float) norm;
				postingCount[ts[t] + 1]++;
			}
			itemTerms[i] = ts;
			itemWeights[i] = ws;
		}
		for (int t = 0; t < terms; t++) {
			postingCount[t + 1] += postingCount[t];
		}
		int[] postingItem = new int[postingCount[terms]];
		float[] postingWeight = new float[postingCount[terms]];
		int[] fill = postingCount.clone();
		for (int i = 0; i < items; i++) {
			for (int t = 0; t < itemTerms[i].length; t++) {
				int term = itemTerms[i][t];
				postingItem[fill[term]] = i;
				postingWeight[fill[term]++] = itemWeights[i][t];
			}
		}
		Neighbours.Builder builder = new Neighbours.Builder(items, k);
		float[] dot = new float[items];
		int[] touched = new int[items];
		boolean[] seen = new boolean[items];
		for (int i = 0; i < items; i++) {
			int touchedCount = 0;
			for (int t = 0; t < itemTerms[i].length; t++) {
				int term = itemTerms[i][t];
				float w = itemWeights[i][t];
				for (int p = postingCount[term]; p < postingCount[term + 1]; p++) {
					int j = postingItem[p];
					dot[j] += w * postingWeight[p];
					if (!seen[j]) {
						seen[j] = true;
						touched[touchedCount++] = j;
					}
				}
			}
			builder.set(i, touched, touchedCount, dot);
			for (int t = 0; t < touchedCount; t++) {
				dot[touched[t]] = 0;
				seen[touched[t]] = false;
			}
		}
		String[] termNames = new String[terms];
		termIndex.forEach((term, index) -> termNames[index] = term);
		int[] clusterOf = new int[items];
		KMeansModel kmeans = null;
		int k2 = Math.min(clusters, items);
		if (k2 >= 2) {
			ClusteringFactory factory = new ClusteringFactory();
			MutableDataset<ClusterID> dataset = new MutableDataset<>(
					new SimpleDataSourceProvenance("catalogue", factory), factory);
			List<Example<ClusterID>> examples = new ArrayList<>(items);
			for (int i = 0; i < items; i++) {
				String[] names = new String[itemTerms[i].length];
				double[] values = new double[itemTerms[i].length];
				for (int t = 0; t < names.length; t++) {
					names[t] = termNames[itemTerms[i][t]];
					values[t] = itemWeights[i][t];
				}
				if (names.length == 0) {
					names = new String[] { "empty" };
					values = new double[] { 1 };
				}
				ArrayExample<ClusterID> example = new ArrayExample<>(factory.getUnknownOutput(), names, values);
				examples.add(example);
				dataset.add(example);
			}
			KMeansTrainer trainer = new KMeansTrainer(k2, 25, DistanceType.COSINE.getDistance(),
					KMeansTrainer.Initialisation.PLUSPLUS, 1, seed);
			kmeans = trainer.train(dataset);
			for (int i = 0; i < items; i++) {
				clusterOf[i] = kmeans.predict(examples.get(i)).getOutput().getID();
			}
		}
		return new ContentModel(data, builder.build(), clusterOf, Math.max(k2, 1), kmeans);
	}

	static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (token.length() >= 2 && !STOPWORDS.contains(token) && !token.chars().allMatch(Character::isDigit)) {
				tokens.add(token);
			}
		}
		return tokens;
	}

	/** The same model reading {@code data}: a copy of its own data with a user forgotten. */
	ContentModel on(TrainingData data) {
		return new ContentModel(data, this.neighbours, this.clusterOf, this.clusters, this.kmeans);
	}

	@Override
	public String name() {
		return "content";
	}

	@Override
	public void score(Query query, float[] out) {
		if (query.knownUser()) {
			TrainingData d = this.data;
			for (int r = d.rowStart[query.user()]; r < d.rowStart[query.user() + 1]; r++) {
				float w = (float) (ItemKnnModel.strength(d.rowWeight[r]) / (1 + d.rowAgeDays[r] / 30.0));
				this.neighbours.spread(d.rowItem[r], w, out);
			}
		}
		int[] context = query.context();
		for (int c = 0; c < context.length; c++) {
			this.neighbours.spread(context[c], 1f / (1 + c), out);
		}
	}

	/** The products whose text is most like {@code item}'s, best first. */
	public int[] similar(int item) {
		return this.neighbours.of(item);
	}

	public float[] similarities(int item) {
		return this.neighbours.similaritiesOf(item);
	}

	/** The K-Means cluster of an item. */
	public int cluster(int item) {
		return this.clusterOf[item];
	}

	public int clusterCount() {
		return this.clusters;
	}

	@Override
	public Reason reason(Query query, int item) {
		return new Reason("similar-to", this.neighbours.strongestSource(query, item, this.data));
	}

}
