package com.emporium.recommendation.engine;

import java.io.Serializable;

/**
 * Frequently bought together: association rules {@code i -> j} mined from baskets (orders). For
 * each rule, support (the share of baskets holding both), confidence (the share of baskets with
 * {@code i} that also hold {@code j}) and lift (confidence over {@code j}'s own share: above 1, the
 * pair is bought together more often than chance). Each item keeps its best rules by confidence,
 * among those seen in at least {@code minBaskets} baskets with a lift above 1.
 */
public final class BasketRulesModel implements Model, Serializable {

	private static final long serialVersionUID = 1L;

	private final TrainingData data;

	private final Neighbours rules;

	private final float[][] support;

	private final float[][] lift;

	private final double recencyHalfLifeDays;

	private BasketRulesModel(TrainingData data, Neighbours rules, float[][] support, float[][] lift,
			double recencyHalfLifeDays) {
		this.data = data;
		this.rules = rules;
		this.support = support;
		this.lift = lift;
		this.recencyHalfLifeDays = recencyHalfLifeDays;
	}

	public static BasketRulesModel mine(TrainingData data, int k, int minBaskets, double recencyHalfLifeDays) {
		int items = data.itemCount();
		int n = data.baskets.length;
		int[] basketsOf = new int[items];
		// Item -> baskets holding it.
		int[] start = new int[items + 1];
		for (int[] basket : data.baskets) {
			for (int item : basket) {
				basketsOf[item]++;
				start[item + 1]++;
			}
		}
		for (int i = 0; i < items; i++) {
			start[i + 1] += start[i];
		}
		int[] holding = new int[start[items]];
		int[] fill = start.clone();
		for (int b = 0; b < n; b++) {
			for (int item : data.baskets[b]) {
				holding[fill[item]++] = b;
			}
		}
		Neighbours.Builder builder = new Neighbours.Builder(items, k);
		float[] co = new float[items];
		float[] confidence = new float[items];
		int[] touched = new int[items];
		boolean[] seen = new boolean[items];
		for (int i = 0; i < items; i++) {
			int touchedCount = 0;
			for (int h = start[i]; h < start[i + 1]; h++) {
				for (int j : data.baskets[holding[h]]) {
					co[j]++;
					if (!seen[j]) {
						seen[j] = true;
						touched[touchedCount++] = j;
					}
				}
			}
			for (int t = 0; t < touchedCount; t++) {
				int j = touched[t];
				float conf = co[j] / basketsOf[i];
				float l = conf / ((float) basketsOf[j] / n);
				confidence[j] = (co[j] >= minBaskets && l > 1) ? conf : 0;
			}
			builder.set(i, touched, touchedCount, confidence);
			for (int t = 0; t < touchedCount; t++) {
				co[touched[t]] = 0;
				confidence[touched[t]] = 0;
				seen[touched[t]] = false;
			}
		}
		Neighbours built = builder.build();
		// Support and lift aligned with the kept rules.
		float[][] ruleSupport = new float[items][];
		float[][] ruleLift = new float[items][];
		for (int i = 0; i < items; i++) {
			int[] to = built.of(i);
			float[] conf = built.similaritiesOf(i);
			ruleSupport[i] = new float[to.length];
			ruleLift[i] = new float[to.length];
			for (int r = 0; r < to.length; r++) {
				float both = conf[r] * basketsOf[i];
				ruleSupport[i][r] = both / n;
				ruleLift[i][r] = conf[r] / ((float) basketsOf[to[r]] / n);
			}
		}
		return new BasketRulesModel(data, built, ruleSupport, ruleLift, recencyHalfLifeDays);
	}

	/** The same model reading {@code data}: a copy of its own data with a user forgotten. */
	BasketRulesModel on(TrainingData data) {
		return new BasketRulesModel(data, this.rules, this.support, this.lift, this.recencyHalfLifeDays);
	}

	@Override
	public String name() {
		return "bought-together";
	}

	@Override
	public void score(Query query, float[] out) {
		if (query.knownUser()) {
			TrainingData d = this.data;
			double lambda = Math.log(2) / this.recencyHalfLifeDays;
			for (int r = d.rowStart[query.user()]; r < d.rowStart[query.user() + 1]; r++) {
				if (d.rowBaskets[r] > 0) {
					this.rules.spread(d.rowItem[r], (float) Math.exp(-lambda * d.rowPurchaseAgeDays[r]), out);
				}
			}
		}
		int[] context = query.context();
		for (int c = 0; c < context.length; c++) {
			this.rules.spread(context[c], 1f, out);
		}
	}

	/** The rules {@code item -> j}: items bought with it, best confidence first. */
	public int[] boughtWith(int item) {
		return this.rules.of(item);
	}

	public float[] confidence(int item) {
		return this.rules.similaritiesOf(item);
	}

	public float[] support(int item) {
		return this.support[item];
	}

	public float[] lift(int item) {
		return this.lift[item];
	}

	@Override
	public Reason reason(Query query, int item) {
		return new Reason("bought-together", this.rules.strongestSource(query, item, this.data));
	}

}
