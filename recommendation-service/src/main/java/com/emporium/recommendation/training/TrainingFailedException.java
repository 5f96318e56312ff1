package com.emporium.recommendation.training;

/** A training run cannot go on for a reason a person can act on; its message is the run's error. */
class TrainingFailedException extends RuntimeException {

	TrainingFailedException(String message) {
		super(message);
	}

}
