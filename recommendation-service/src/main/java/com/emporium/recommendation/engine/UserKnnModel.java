package com.emporium.recommendation.engine;

import java.io.Serializable;

/**
 * Shoppers like you: each shopper is a vector of the items they bought, each weighted by its
 * baskets discounted with age (a 120-day half-life; other interactions count a little), and the
 * {@code k} most similar shoppers by cosine are their neighbours. A shopper's score for an item
 * sums their neighbours' normalised weights for it, times their similarity. Strong on wholesale
 * data, where shops of one kind restock the same lines.
 */
public final class UserKnnModel implements Model, Serializable {

	private static final long serialVersionUID = 1L;

	private static final float OTHER_INTERACTION = 0.2f;

	private final TrainingData data;

	private final Neighbours neighbours;

	/** Per row: the normalised weight of the item in its shopper's vector. */
	private final float[] normalised;

	private UserKnnModel(TrainingData data, Neighbours neighbours, float[] normalised) {
		this.data = data;
		this.neighbours = neighbours;
		this.normalised = normalised;
	}

	public static UserKnnModel train(TrainingData data, int k) {
		int users = data.userCount();
		int items = data.itemCount();
		float[] value = new float[data.rowItem.length];
		for (int u = 0; u < users; u++) {
			double norm = 0;
			for (int r = data.rowStart[u]; r < data.rowStart[u + 1]; r++) {
				value[r] = (data.rowBaskets[r] > 0) ? data.rowDecayed120[r]
						: OTHER_INTERACTION * ItemKnnModel.strength(data.rowWeight[r]);
				norm += (double) value[r] * value[r];
			}
			norm = Math.sqrt(norm);
			for (int r = data.rowStart[u]; r < data.rowStart[u + 1]; r++) {
				value[r] = (norm > 0) ? (float) (value[r] / norm) : 0;
			}
		}
		// Item -> (user, value) postings.
		int[] start = new int[items + 1];
		for (int item : data.rowItem) {
			start[item + 1]++;
		}
		for (int i = 0; i < items; i++) {
			start[i + 1] += start[i];
		}
		int[] postingUser = new int[data.rowItem.length];
		float[] postingValue = new float[data.rowItem.length];
		int[] fill = start.clone();
		for (int u = 0; u < users; u++) {
			for (int r = data.rowStart[u]; r < data.rowStart[u + 1]; r++) {
				int item = data.rowItem[r];
				postingUser[fill[item]] = u;
				postingValue[fill[item]++] = value[r];
			}
		}
		Neighbours.Builder builder = new Neighbours.Builder(users, k);
		float[] dot = new float[users];
		int[] touched = new int[users];
		boolean[] seen = new boolean[users];
		for (int u = 0; u < users; u++) {
			int touchedCount = 0;
			for (int r = data.rowStart[u]; r < data.rowStart[u + 1]; r++) {
				int item = data.rowItem[r];
				float a = value[r];
				for (int p = start[item]; p < start[item + 1]; p++) {
					int v = postingUser[p];
					dot[v] += a * postingValue[p];
					if (!seen[v]) {
						seen[v] = true;
						touched[touchedCount++] = v;
					}
				}
			}
			builder.set(u, touched, touchedCount, dot);
			for (int t = 0; t < touchedCount; t++) {
				dot[touched[t]] = 0;
				seen[touched[t]] = false;
			}
		}
		return new UserKnnModel(data, builder.build(), value);
	}

	/**
	 * The model on {@code data}, a copy of its own data without {@code user} (whose rows were
	 * {@code [from, to)}): the user has no neighbours and is nobody's neighbour any more, so what
	 * they bought no longer reaches anyone's "customers like you".
	 */
	UserKnnModel without(TrainingData data, int user, int from, int to) {
		return new UserKnnModel(data, this.neighbours.without(user), TrainingData.cut(this.normalised, from, to));
	}

	/** Whether a user has neighbours or is anyone's neighbour. */
	boolean linked(int user) {
		return this.neighbours.mentions(user);
	}

	@Override
	public String name() {
		return "similar-customers";
	}

	@Override
	public void score(Query query, float[] out) {
		if (!query.knownUser()) {
			return;
		}
		TrainingData d = this.data;
		int[] near = this.neighbours.of(query.user());
		float[] sims = this.neighbours.similaritiesOf(query.user());
		for (int n = 0; n < near.length; n++) {
			int v = near[n];
			for (int r = d.rowStart[v]; r < d.rowStart[v + 1]; r++) {
				out[d.rowItem[r]] += sims[n] * this.normalised[r];
			}
		}
	}

	@Override
	public Reason reason(Query query, int item) {
		return Reason.of("customers-like-you");
	}

}
