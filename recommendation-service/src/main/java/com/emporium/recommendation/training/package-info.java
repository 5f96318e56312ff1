/**
 * Training runs: interactions and the catalog replica are read into the engine, every model is
 * measured on a time split and trained on all the data, and the result is stored as a new model
 * version (a document in {@code model_versions}, the bytes in GridFS). A gate activates a version
 * only if it is not worse than the active one; staff can activate any stored version (roll back or
 * forward). Nightly on a schedule and on demand; a lock in MongoDB lets one replica train at a time.
 * Serving learns of an activation from {@link com.emporium.recommendation.training.ModelActivated}
 * and loads versions through {@link com.emporium.recommendation.training.ModelVersions}; the demo
 * history starts a first run through {@link com.emporium.recommendation.training.TrainingRuns}. See
 * {@code docs/recommendations.md}.
 */
@NullMarked
package com.emporium.recommendation.training;

import org.jspecify.annotations.NullMarked;
