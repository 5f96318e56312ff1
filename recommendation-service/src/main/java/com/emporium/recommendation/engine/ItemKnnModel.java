package com.emporium.recommendation.engine;

import java.io.Serializable;

/**
 * Item-to-item collaborative filtering: items are similar when the same shoppers interact with
 * both, measured by the cosine of their user vectors; each item keeps its {@code k} nearest. A
 * shopper's score for an item sums the similarities from what they already interacted with.
 * <p>
 * Two uses: the {@code item-knn} baseline (binary purchases, 50 neighbours, as the evaluation
 * protocol fixes it), and the served {@code also-bought} model (interaction weights, so a purchase
 * counts more than a view, and the shopper's recent items count more).
 */
public final class ItemKnnModel implements Model, Serializable {

	private static final long serialVersionUID = 1L;

	private final String name;

	private final TrainingData data;

	private final Neighbours neighbours;

	private final boolean weighted;

	private final double recencyHalfLifeDays;

	private ItemKnnModel(String name, TrainingData data, Neighbours neighbours, boolean weighted,
			double recencyHalfLifeDays) {
		this.name = name;
		this.data = data;
		this.neighbours = neighbours;
		this.weighted = weighted;
		this.recencyHalfLifeDays = recencyHalfLifeDays;
	}

	/** The protocol's baseline: binary user-item matrix, cosine, {@code k} neighbours. */
	public static ItemKnnModel baseline(TrainingData data, int k) {
		return new ItemKnnModel("item-knn", data, cosineNeighbours(data, k, false), false, 0);
	}

	/**
	 * Weighted item-to-item: interaction weights in the cosine; a shopper's items count by weight,
	 * decayed with the age of the interaction.
	 */
	public static ItemKnnModel alsoBought(TrainingData data, int k, double recencyHalfLifeDays) {
		return new ItemKnnModel("also-bought", data, cosineNeighbours(data, k, true), true, recencyHalfLifeDays);
	}

	static Neighbours cosineNeighbours(TrainingData data, int k, boolean weighted) {
		int items = data.itemCount();
		// Inverted index item -> row entries (user, weight).
		int[] count = new int[items + 1];
		for (int item : data.rowItem) {
			count[item + 1]++;
		}
		for (int i = 0; i < items; i++) {
			count[i + 1] += count[i];
		}
		int[] colUser = new int[data.rowItem.length];
		float[] colWeight = new float[data.rowItem.length];
		int[] fill = count.clone();
		double[] norm = new double[items];
		for (int u = 0; u < data.userCount(); u++) {
			for (int r = data.rowStart[u]; r < data.rowStart[u + 1]; r++) {
				int item = data.rowItem[r];
				float w = weighted ? strength(data.rowWeight[r]) : 1f;
				colUser[fill[item]] = u;
				colWeight[fill[item]++] = w;
				norm[item] += (double) w * w;
			}
		}
		for (int i = 0; i < items; i++) {
			norm[i] = Math.sqrt(norm[i]);
		}
		Neighbours.Builder builder = new Neighbours.Builder(items, k);
		float[] co = new float[items];
		int[] touched = new int[items];
		boolean[] seen = new boolean[items];
		for (int i = 0; i < items; i++) {
			int touchedCount = 0;
			for (int c = count[i]; c < count[i + 1]; c++) {
				int u = colUser[c];
				float wi = colWeight[c];
				for (int r = data.rowStart[u]; r < data.rowStart[u + 1]; r++) {
					int j = data.rowItem[r];
					co[j] += wi * (weighted ? strength(data.rowWeight[r]) : 1f);
					if (!seen[j]) {
						seen[j] = true;
						touched[touchedCount++] = j;
					}
				}
			}
			for (int t = 0; t < touchedCount; t++) {
				int j = touched[t];
				co[j] = (float) (co[j] / (norm[i] * norm[j]));
			}
			builder.set(i, touched, touchedCount, co);
			for (int t = 0; t < touchedCount; t++) {
				co[touched[t]] = 0;
				seen[touched[t]] = false;
			}
		}
		return builder.build();
	}

	/** Dampens heavy interaction sums: ten views are not ten purchases. */
	static float strength(float weight) {
		return (float) Math.log1p(weight);
	}

	/** The same model reading {@code data}: a copy of its own data with a user forgotten. */
	ItemKnnModel on(TrainingData data) {
		return new ItemKnnModel(this.name, data, this.neighbours, this.weighted, this.recencyHalfLifeDays);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public void score(Query query, float[] out) {
		if (query.knownUser()) {
			TrainingData d = this.data;
			double lambda = (this.recencyHalfLifeDays > 0) ? Math.log(2) / this.recencyHalfLifeDays : 0;
			for (int r = d.rowStart[query.user()]; r < d.rowStart[query.user() + 1]; r++) {
				float w = this.weighted ? (float) (strength(d.rowWeight[r]) * Math.exp(-lambda * d.rowAgeDays[r])) : 1f;
				this.neighbours.spread(d.rowItem[r], w, out);
			}
		}
		int[] context = query.context();
		for (int c = 0; c < context.length; c++) {
			// The first context item (the product on the page, the latest view) counts most.
			this.neighbours.spread(context[c], 1f / (1 + c), out);
		}
	}

	/** The items most similar to {@code item}, best first. */
	public int[] similar(int item) {
		return this.neighbours.of(item);
	}

	/** How similar {@code other} is to {@code item}; 0 if it is not among its neighbours. */
	public float similarity(int item, int other) {
		return this.neighbours.similarity(item, other);
	}

	public float[] similarities(int item) {
		return this.neighbours.similaritiesOf(item);
	}

	@Override
	public Reason reason(Query query, int item) {
		return new Reason("also-bought", this.neighbours.strongestSource(query, item, this.data));
	}

	int neighbourCount() {
		return this.neighbours.size();
	}

}
