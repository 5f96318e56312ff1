package com.emporium.recommendation.engine;

import java.util.Arrays;
import java.util.BitSet;

import org.jspecify.annotations.Nullable;

/**
 * Picks the top {@code k} of a score vector over the whole catalogue: highest score first, ties
 * (most often the items a model has no opinion on, scored 0) broken by overall popularity, then by
 * index, so every model ranks the whole catalogue deterministically.
 */
public final class Ranking {

	private Ranking() {
	}

	/**
	 * @param scores a score per item
	 * @param k how many to return (fewer if the catalogue, less exclusions, is smaller)
	 * @param excluded items never to return (bought before, deleted, out of stock); may be null
	 * @param popularity the tie-breaker per item
	 * @return item indexes, best first
	 */
	public static int[] top(float[] scores, int k, @Nullable BitSet excluded, float[] popularity) {
		if (k <= 0) {
			return new int[0];
		}
		int[] best = new int[k];
		int size = 0;
		for (int item = 0; item < scores.length; item++) {
			if (excluded != null && excluded.get(item)) {
				continue;
			}
			if (size == k && !better(item, best[k - 1], scores, popularity)) {
				continue;
			}
			int at = (size < k) ? size++ : k - 1;
			while (at > 0 && better(item, best[at - 1], scores, popularity)) {
				best[at] = best[at - 1];
				at--;
			}
			best[at] = item;
		}
		return (size == k) ? best : Arrays.copyOf(best, size);
	}

	private static boolean better(int a, int b, float[] scores, float[] popularity) {
		if (scores[a] != scores[b]) {
			return scores[a] > scores[b];
		}
		if (popularity[a] != popularity[b]) {
			return popularity[a] > popularity[b];
		}
		return a < b;
	}

}
