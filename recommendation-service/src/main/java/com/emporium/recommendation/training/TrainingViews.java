package com.emporium.recommendation.training;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.recommendation.training.ModelVersion.Counts;
import com.emporium.recommendation.training.ModelVersion.EvaluationSummary;
import com.emporium.recommendation.training.ModelVersion.ModelMetrics;
import com.emporium.recommendation.training.ModelVersion.VersionStatus;
import com.emporium.recommendation.training.TrainingRun.Phase;
import com.emporium.recommendation.training.TrainingRun.RunStatus;
import com.emporium.recommendation.training.TrainingRun.Trigger;

/** What the admin endpoints return. */
final class TrainingViews {

	private TrainingViews() {
	}

	/**
	 * A training run as staff follow it.
	 * @param phase the current phase while running, the last one reached when finished
	 * @param phaseSeconds wall time of each finished phase (loading, evaluating, training, storing)
	 * @param version the model version it stored, once stored
	 * @param decision the gate's: ACTIVATED or REJECTED
	 * @param reason the gate's reason, or why a scheduled run was skipped
	 * @param error why it failed
	 */
	record RunView(UUID id, Trigger trigger, RunStatus status, @Nullable Phase phase, @Nullable String owner,
			Instant queuedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Counts counts,
			@Nullable Integer testShoppers, @Nullable Map<String, Double> phaseSeconds, @Nullable Long version,
			@Nullable String decision, @Nullable String reason, @Nullable String error) {

		static RunView of(TrainingRun run) {
			return new RunView(run.id(), run.trigger(), run.status(), run.phase(), run.owner(), run.queuedAt(),
					run.startedAt(), run.finishedAt(), run.counts(), run.testShoppers(), run.phaseSeconds(),
					run.version(), run.decision(), run.reason(), run.error());
		}

	}

	/**
	 * A model version.
	 * @param bytesAvailable whether it can still be activated (the newest versions keep their bytes)
	 */
	record VersionView(long version, VersionStatus status, Instant createdAt, Instant trainedAt,
			@Nullable Instant activatedAt, @Nullable Instant retiredAt, UUID runId, String reason,
			EvaluationSummary evaluation, List<ModelMetrics> metrics, Counts counts, Map<String, Object> settings,
			@Nullable String personalisedFailure, long sizeBytes, boolean bytesAvailable) {

		static VersionView of(ModelVersion version, VersionStatus status) {
			return new VersionView(version.version(), status, version.createdAt(), version.trainedAt(),
					version.activatedAt(), version.retiredAt(), version.runId(), version.reason(), version.evaluation(),
					version.metrics(), version.counts(), version.settings(), version.personalisedFailure(),
					version.sizeBytes(), version.fileId() != null);
		}

	}

}
