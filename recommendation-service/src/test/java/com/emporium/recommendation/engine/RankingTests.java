package com.emporium.recommendation.engine;

import java.util.BitSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTests {

	@Test
	void ranksByScoreThenPopularityThenIndexLeavingOutExcludedItems() {
		float[] scores = { 0, 3, 1, 3, 0, 0 };
		float[] popularity = { 5, 1, 1, 2, 9, 5 };
		BitSet excluded = new BitSet();
		excluded.set(4);
		assertThat(Ranking.top(scores, 5, excluded, popularity)).containsExactly(3, 1, 2, 0, 5);
		assertThat(Ranking.top(scores, 10, null, popularity)).hasSize(6).startsWith(3, 1, 2, 4);
		assertThat(Ranking.top(scores, 0, null, popularity)).isEmpty();
	}

}
