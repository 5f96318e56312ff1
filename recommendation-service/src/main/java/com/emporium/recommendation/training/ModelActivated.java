package com.emporium.recommendation.training;

import org.bson.types.ObjectId;

import com.emporium.recommendation.engine.Recommender;

/**
 * A model version became the active one on this replica (by a training run's gate or by staff),
 * published in-process once the activation is stored. Other replicas find out by polling
 * {@link ModelVersions#activeVersion()}.
 *
 * @param version the version now active
 * @param recommender its models, already loaded: listeners need not read them again
 * @param fileId the GridFS file they were written to or read from: when the version points at
 * another file by now (rewritten without an erased account), that one is to be served
 */
public record ModelActivated(long version, Recommender recommender, ObjectId fileId) {
}
