package com.emporium.recommendation.engine;

import java.io.Serializable;

import java.util.Arrays;

/**
 * For every item, its nearest items with a similarity, best first: the sparse result of an
 * item-to-item model. Immutable.
 */
final class Neighbours implements Serializable {

	private static final long serialVersionUID = 1L;

	private final int[][] items;

	private final float[][] similarities;

	private Neighbours(int[][] items, float[][] similarities) {
		this.items = items;
		this.similarities = similarities;
	}

	/** Collects at most {@code k} neighbours per item. */
	static final class Builder {

		private final int k;

		private final int[][] items;

		private final float[][] similarities;

		Builder(int itemCount, int k) {
			this.k = k;
			this.items = new int[itemCount][];
			this.similarities = new float[itemCount][];
		}

		/**
		 * Keeps the {@code k} best of the candidates with a positive score.
		 * @param item whose neighbours these are
		 * @param candidates item indexes (the item itself is skipped)
		 * @param count how many of {@code candidates} to read
		 * @param scores similarity by item index
		 */
		void set(int item, int[] candidates, int count, float[] scores) {
			TopK top = new TopK(this.k);
			for (int c = 0; c < count; c++) {
				int other = candidates[c];
				if (other != item && scores[other] > 0) {
					top.offer(other, scores[other]);
				}
			}
			this.items[item] = top.items();
			this.similarities[item] = top.scores();
		}

		Neighbours build() {
			for (int i = 0; i < this.items.length; i++) {
				if (this.items[i] == null) {
					this.items[i] = new int[0];
					this.similarities[i] = new float[0];
				}
			}
			return new Neighbours(this.items, this.similarities);
		}

	}

	/**
	 * A copy without one node: its own list is empty and it leaves every other list (the others
	 * keep their order; a list that lost it is one shorter).
	 */
	Neighbours without(int node) {
		int[][] items = this.items.clone();
		float[][] similarities = this.similarities.clone();
		items[node] = new int[0];
		similarities[node] = new float[0];
		for (int i = 0; i < items.length; i++) {
			int[] near = items[i];
			for (int n = 0; n < near.length; n++) {
				if (near[n] == node) {
					items[i] = TrainingData.cut(near, n, n + 1);
					similarities[i] = TrainingData.cut(similarities[i], n, n + 1);
					break;
				}
			}
		}
		return new Neighbours(items, similarities);
	}

	/** Whether {@code node} has neighbours or is anyone's neighbour. */
	boolean mentions(int node) {
		if (this.items[node].length > 0) {
			return true;
		}
		for (int[] near : this.items) {
			for (int n : near) {
				if (n == node) {
					return true;
				}
			}
		}
		return false;
	}

	int[] of(int item) {
		return this.items[item];
	}

	float[] similaritiesOf(int item) {
		return this.similarities[item];
	}

	/** The similarity of {@code other} to {@code item}, or 0 if it is not among its neighbours. */
	float similarity(int item, int other) {
		int[] near = this.items[item];
		for (int n = 0; n < near.length; n++) {
			if (near[n] == other) {
				return this.similarities[item][n];
			}
		}
		return 0;
	}

	/**
	 * Which of the query's items (its context first, then the shopper's history) leads most
	 * strongly to {@code item}: the "because" of a reason. -1 if none does.
	 */
	int strongestSource(Query query, int item, TrainingData data) {
		int best = -1;
		float bestSimilarity = 0;
		for (int c : query.context()) {
			float s = similarity(c, item);
			if (s > bestSimilarity) {
				best = c;
				bestSimilarity = s;
			}
		}
		if (best < 0 && query.knownUser()) {
			for (int r = data.rowStart[query.user()]; r < data.rowStart[query.user() + 1]; r++) {
				float s = similarity(data.rowItem[r], item);
				if (s > bestSimilarity) {
					best = data.rowItem[r];
					bestSimilarity = s;
				}
			}
		}
		return best;
	}

	/** Adds {@code weight} times each neighbour's similarity into {@code out}. */
	void spread(int item, float weight, float[] out) {
		int[] near = this.items[item];
		float[] sims = this.similarities[item];
		for (int n = 0; n < near.length; n++) {
			out[near[n]] += weight * sims[n];
		}
	}

	int size() {
		return Arrays.stream(this.items).mapToInt((near) -> near.length).sum();
	}

}
