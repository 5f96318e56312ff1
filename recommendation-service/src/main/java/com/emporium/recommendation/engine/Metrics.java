package com.emporium.recommendation.engine;

/**
 * Offline quality of one model at cut-off {@code k}, averaged over the test users: hit rate (a
 * user with at least one hit), NDCG (binary relevance, log2 discount), precision, recall, and
 * catalogue coverage (the share of the catalogue that appears in any top-k list).
 *
 * @param model the algorithm
 * @param k the cut-off
 * @param users test users evaluated
 * @param hitRate HR@k
 * @param ndcg NDCG@k
 * @param precision precision@k
 * @param recall recall@k
 * @param coverage coverage@k
 * @param trainingSeconds wall time to train the model
 */
public record Metrics(String model, int k, int users, double hitRate, double ndcg, double precision, double recall,
		double coverage, double trainingSeconds) {

	/** Accumulates per-user results. */
	static final class Accumulator {

		private final int k;

		private final boolean[] recommended;

		private int users;

		private double hits;

		private double ndcg;

		private double precision;

		private double recall;

		Accumulator(int k, int catalogue) {
			this.k = k;
			this.recommended = new boolean[catalogue];
		}

		/** @param relevant per position of {@code top}, whether the user bought it */
		void add(int[] top, boolean[] relevant, int truthSize) {
			int hitCount = 0;
			double dcg = 0;
			for (int p = 0; p < top.length; p++) {
				this.recommended[top[p]] = true;
				if (relevant[p]) {
					hitCount++;
					dcg += 1 / log2(p + 2);
				}
			}
			double idcg = 0;
			for (int p = 0; p < Math.min(truthSize, this.k); p++) {
				idcg += 1 / log2(p + 2);
			}
			this.users++;
			this.hits += (hitCount > 0) ? 1 : 0;
			this.ndcg += (idcg > 0) ? dcg / idcg : 0;
			this.precision += (double) hitCount / this.k;
			this.recall += (truthSize > 0) ? (double) hitCount / truthSize : 0;
		}

		Metrics result(String model, double trainingSeconds) {
			int covered = 0;
			for (boolean r : this.recommended) {
				covered += r ? 1 : 0;
			}
			double n = Math.max(1, this.users);
			return new Metrics(model, this.k, this.users, this.hits / n, this.ndcg / n, this.precision / n,
					this.recall / n, (double) covered / Math.max(1, this.recommended.length), trainingSeconds);
		}

		private static double log2(double x) {
			return Math.log(x) / Math.log(2);
		}

	}

}
