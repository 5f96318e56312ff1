package com.emporium.recommendation.training;

import com.emporium.recommendation.engine.Recommender;

/**
 * A model version became the active one on this replica (by a training run's gate or by staff),
 * published in-process once the activation is stored. Other replicas find out by polling
 * {@link ModelVersions#activeVersion()}.
 *
 * @param version the version now active
 * @param recommender its models, already loaded: listeners need not read them again
 */
public record ModelActivated(long version, Recommender recommender) {
}
