package com.emporium.recommendation.training;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.emporium.recommendation.training.Gate.Decision;
import com.emporium.recommendation.training.ModelVersion.Counts;
import com.emporium.recommendation.training.ModelVersion.EvaluationSummary;
import com.emporium.recommendation.training.ModelVersion.ModelMetrics;
import com.emporium.recommendation.training.ModelVersion.VersionStatus;

import static org.assertj.core.api.Assertions.assertThat;

class GateTests {

	@Test
	void theFirstVersionIsActivatedWithNothingToCompare() {
		Decision decision = Gate.decide(List.of(metrics("personalised", 0.01)), null, 0.05);

		assertThat(decision.activate()).isTrue();
		assertThat(decision.reason()).isEqualTo("activated: the first version, nothing to compare with");
	}

	@Test
	void aCandidateWithinTheToleranceBelowTheActiveVersionIsActivated() {
		ModelVersion active = version(7, List.of(metrics("personalised", 0.40)));

		assertThat(Gate.decide(List.of(metrics("personalised", 0.381)), active, 0.05).activate()).isTrue();
		assertThat(Gate.decide(List.of(metrics("personalised", 0.45)), active, 0.05).activate()).isTrue();
	}

	@Test
	void aCandidateWorseThanTheToleranceIsRejectedNamingBothFigures() {
		ModelVersion active = version(7, List.of(metrics("popularity", 0.9), metrics("personalised", 0.40)));

		Decision decision = Gate.decide(List.of(metrics("popularity", 0.99), metrics("personalised", 0.379)), active,
				0.05);

		assertThat(decision.activate()).isFalse();
		assertThat(decision.reason()).isEqualTo("rejected: personalised NDCG@10 0.3790 against personalised NDCG@10 "
				+ "0.4000 of the active version 7 (tolerance 5.0%)");
	}

	@Test
	void withoutAPersonalisedModelTheBestModelMeasuredIsCompared() {
		ModelVersion active = version(3, List.of(metrics("popularity", 0.20), metrics("item-knn", 0.30)));

		Decision better = Gate.decide(List.of(metrics("popularity", 0.10), metrics("content", 0.31)), active, 0);
		Decision worse = Gate.decide(List.of(metrics("popularity", 0.29)), active, 0);

		assertThat(better.activate()).isTrue();
		assertThat(better.reason()).contains("content NDCG@10 0.3100 against item-knn NDCG@10 0.3000");
		assertThat(worse.activate()).isFalse();
	}

	@Test
	void aNegativeToleranceAsksForABetterCandidate() {
		ModelVersion active = version(2, List.of(metrics("personalised", 0.2)));

		assertThat(Gate.decide(List.of(metrics("personalised", 0.39)), active, -1).activate()).isFalse();
		assertThat(Gate.decide(List.of(metrics("personalised", 0.40)), active, -1).activate()).isTrue();
	}

	@Test
	void anUnevaluatedCandidateCannotReplaceAnEvaluatedVersionButMayReplaceAnUnevaluatedOne() {
		Decision againstEvaluated = Gate.decide(List.of(), version(4, List.of(metrics("personalised", 0.1))), 0.05);
		Decision againstUnevaluated = Gate.decide(List.of(), version(4, List.of()), 0.05);
		Decision evaluatedAgainstUnevaluated = Gate.decide(List.of(metrics("trending", 0.0)), version(4, List.of()),
				0.05);

		assertThat(againstEvaluated.activate()).isFalse();
		assertThat(againstEvaluated.reason()).startsWith("rejected: not evaluated (too little data)");
		assertThat(againstUnevaluated.activate()).isTrue();
		assertThat(evaluatedAgainstUnevaluated.activate()).isTrue();
	}

	private static ModelMetrics metrics(String model, double ndcg) {
		return new ModelMetrics(model, false, 10, ndcg, ndcg, ndcg, ndcg, 0.5, 0.1);
	}

	private static ModelVersion version(long number, List<ModelMetrics> metrics) {
		return new ModelVersion(number, Instant.EPOCH, Instant.EPOCH, UUID.randomUUID(), VersionStatus.ACTIVE, "",
				new EvaluationSummary(!metrics.isEmpty(), null, Instant.EPOCH, 10, 10), metrics,
				new Counts(1, 1, 1, 1, 1), Map.of(), null, null, 1, Instant.EPOCH, null);
	}

}
