package com.emporium.recommendation.training;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.emporium.recommendation.training.ModelVersion.Counts;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One training run, in {@code training_runs}: the history of the model versions. Written as it
 * progresses, so that staff can follow a run.
 *
 * @param id the run
 * @param trigger who started it
 * @param status where it is
 * @param phase the current (or last) phase
 * @param owner the replica that ran it (the lock's owner)
 * @param queuedAt when it was asked for
 * @param startedAt when it started working
 * @param finishedAt when it ended
 * @param counts what it read, once loaded
 * @param testShoppers shoppers the evaluation measured
 * @param phaseSeconds wall time per finished phase
 * @param version the model version it stored
 * @param decision the gate's decision: {@code ACTIVATED} or {@code REJECTED}
 * @param reason the gate's reason, or why the run was skipped
 * @param error why it failed
 */
@Document("training_runs")
record TrainingRun(@Id UUID id, Trigger trigger, RunStatus status, @Nullable Phase phase, @Nullable String owner,
		Instant queuedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Counts counts,
		@Nullable Integer testShoppers, @Nullable Map<String, Double> phaseSeconds, @Nullable Long version,
		@Nullable String decision, @Nullable String reason, @Nullable String error) {

	static TrainingRun queued(UUID id, Trigger trigger, String owner, Instant at) {
		return new TrainingRun(id, trigger, RunStatus.QUEUED, null, owner, at, null, null, null, null, null, null, null,
				null, null);
	}

	static TrainingRun skipped(UUID id, Trigger trigger, String owner, Instant at, String reason) {
		return new TrainingRun(id, trigger, RunStatus.SKIPPED, null, owner, at, null, at, null, null, null, null, null,
				reason, null);
	}

	enum Trigger {

		/** The nightly schedule. */
		SCHEDULED,

		/** {@code POST /api/v1/admin/recommendations/training-runs}. */
		ON_DEMAND,

		/** The demo history was replayed while no version was active. */
		DEMO

	}

	enum RunStatus {

		QUEUED, RUNNING, SUCCEEDED, FAILED,

		/** A scheduled run that found another replica training. */
		SKIPPED

	}

	enum Phase {

		LOADING, EVALUATING, TRAINING, STORING

	}

}
