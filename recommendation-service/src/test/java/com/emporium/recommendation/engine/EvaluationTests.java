package com.emporium.recommendation.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationTests {

	@Test
	void metricsOfAKnownRankingFollowTheirDefinitions() {
		Metrics.Accumulator accumulator = new Metrics.Accumulator(3, 10);
		// User 1: a hit at position 2 of 3, two relevant items in all.
		accumulator.add(new int[] { 0, 1, 2 }, new boolean[] { false, true, false }, 2);
		// User 2: no hit.
		accumulator.add(new int[] { 0, 3, 4 }, new boolean[] { false, false, false }, 1);
		Metrics metrics = accumulator.result("m", 1.5);
		double ndcgUser1 = (1 / log2(3)) / (1 + 1 / log2(3));
		assertThat(metrics.users()).isEqualTo(2);
		assertThat(metrics.hitRate()).isEqualTo(0.5);
		assertThat(metrics.ndcg()).isEqualTo(ndcgUser1 / 2, Offset.offset(1e-12));
		assertThat(metrics.precision()).isEqualTo((1 / 3.0) / 2, Offset.offset(1e-12));
		assertThat(metrics.recall()).isEqualTo(0.5 / 2, Offset.offset(1e-12));
		assertThat(metrics.coverage()).isEqualTo(5 / 10.0);
		assertThat(metrics.trainingSeconds()).isEqualTo(1.5);
	}

	@Test
	void theTimeSplitTestsCustomersWithHistoryAndAtLeastTwoNewItems() {
		Instant cut = Instant.parse("2026-03-01T00:00:00Z");
		Instant before = cut.minusSeconds(60);
		Instant after = cut.plusSeconds(60);
		List<Interaction> purchases = List.of(Interaction.purchase("old", "a", before, "1", 1),
				Interaction.purchase("old", "b", after, "2", 1), Interaction.purchase("old", "c", after, "2", 1),
				Interaction.purchase("old", "c", after.plusSeconds(5), "3", 1),
				Interaction.purchase("one-item", "a", before, "4", 1),
				Interaction.purchase("one-item", "b", after, "5", 1),
				Interaction.purchase("one-item", "b", after, "6", 1), Interaction.purchase("new", "a", after, "7", 1),
				Interaction.purchase("new", "b", after, "7", 1));
		TimeSplit split = TimeSplit.of(purchases, cut, Instant.MAX, 2);
		assertThat(split.train()).hasSize(2).allMatch((p) -> p.at().isBefore(cut));
		assertThat(split.truth()).isEqualTo(Map.of("old", Set.of("b", "c")));
	}

	@Test
	void everyModelAndBaselineIsMeasuredAndThePersonalisedRankerBeatsPopularity() {
		Shop shop = new Shop();
		Instant cut = Shop.NOW.minus(Duration.ofDays(21));
		TimeSplit split = TimeSplit.of(shop.interactions.stream()
			.filter((i) -> i.kind() == Interaction.Kind.PURCHASE)
			.toList(), cut, Instant.MAX, 2);
		List<Metrics> metrics = new Evaluation(split, shop.catalog, InteractionWeights.defaults(), 3)
			.run(EngineSettings.defaults());
		assertThat(metrics).extracting(Metrics::model).containsAll(Evaluation.BASELINES).contains("personalised");
		assertThat(metrics).allSatisfy((m) -> {
			assertThat(m.users()).isEqualTo(16);
			assertThat(m.ndcg()).isBetween(0.0, 1.0);
			assertThat(m.coverage()).isBetween(0.0, 1.0);
		});
		Metrics popularity = metrics.stream().filter((m) -> m.model().equals("popularity")).findFirst().orElseThrow();
		Metrics personalised = metrics.stream()
			.filter((m) -> m.model().equals("personalised"))
			.findFirst()
			.orElseThrow();
		// Popularity offers everybody the same three items: only half the customers buy them.
		assertThat(personalised.hitRate()).isEqualTo(1.0);
		assertThat(personalised.ndcg()).isGreaterThan(popularity.ndcg() + 0.2);
	}

	private static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}

}
