/**
 * The recommendation engine, free of Spring and MongoDB: interactions in, trained models out, and
 * the offline evaluation that measures them. {@link com.emporium.recommendation.engine.Recommender}
 * trains every model of a run and serves the hybrid; {@link com.emporium.recommendation.engine.Evaluation}
 * measures each model and the baselines on a time split; {@link com.emporium.recommendation.engine.OfflineEvaluationCommand}
 * runs that on a transactions file without the fleet. The service's training runs call the same
 * code. See docs/recommendations.md.
 */
@NullMarked
package com.emporium.recommendation.engine;

import org.jspecify.annotations.NullMarked;
