package com.emporium.recommendation.training;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

import com.emporium.recommendation.engine.Evaluation;
import com.emporium.recommendation.engine.Metrics;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One trained model version, in {@code model_versions}; its bytes are a GridFS file of bucket
 * {@code models}. Which version is active is decided by the {@code model_activation} pointer
 * ({@link ModelVersions}); {@code status} follows it for display.
 *
 * @param version 1, 2, 3, ... in the order they were stored
 * @param createdAt when it was stored
 * @param trainedAt the training data's end: interactions before it were learnt from
 * @param runId the training run that made it
 * @param status CANDIDATE while the gate decides, then ACTIVE or REJECTED; RETIRED once replaced
 * @param reason the gate's decision (or the activation's), for people
 * @param evaluation how it was measured
 * @param metrics per model, in {@link Evaluation#MODELS} order (empty when not evaluated)
 * @param counts what it was trained on
 * @param settings the engine settings and weights it was trained with
 * @param personalisedFailure why the personalised ranker was not trained, if it was not
 * @param fileId the GridFS file, null once purged
 * @param sizeBytes the stored size
 * @param activatedAt when it last became active
 * @param retiredAt when it was last replaced
 */
@Document("model_versions")
record ModelVersion(@Id long version, Instant createdAt, Instant trainedAt, UUID runId, VersionStatus status,
		String reason, EvaluationSummary evaluation, List<ModelMetrics> metrics, Counts counts,
		Map<String, Object> settings, @Nullable String personalisedFailure, @Nullable ObjectId fileId, long sizeBytes,
		@Nullable Instant activatedAt, @Nullable Instant retiredAt) {

	/** Where a version stands. */
	enum VersionStatus {

		CANDIDATE, ACTIVE, REJECTED, RETIRED

	}

	/**
	 * @param evaluated whether any test shopper was found
	 * @param note why not, when not
	 * @param cut the test window's start
	 * @param k the cut-off of the metrics
	 * @param testShoppers shoppers measured
	 */
	record EvaluationSummary(boolean evaluated, @Nullable String note, Instant cut, int k, int testShoppers) {
	}

	/** One model's offline quality ({@link Metrics}). */
	record ModelMetrics(String model, boolean baseline, int users, double hitRate, double ndcg, double precision,
			double recall, double coverage, double trainingSeconds) {

		static ModelMetrics of(Metrics metrics) {
			return new ModelMetrics(metrics.model(), Evaluation.BASELINES.contains(metrics.model()), metrics.users(),
					metrics.hitRate(), metrics.ndcg(), metrics.precision(), metrics.recall(), metrics.coverage(),
					metrics.trainingSeconds());
		}

	}

	/**
	 * What a run read and learnt from.
	 * @param interactions interactions read from MongoDB
	 * @param used of those, the ones the engine learnt from (others: removals, low ratings, deleted
	 * products, no shopper)
	 * @param purchases purchases among the used ones
	 * @param shoppers distinct shoppers (accounts and anonymous sessions)
	 * @param products products of the catalog replica given to the content model
	 */
	record Counts(long interactions, long used, long purchases, long shoppers, long products) {
	}

}
