package com.emporium.recommendation.training;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** A training run was asked for while one is running (on this replica or another). */
class TrainingInProgressException extends ProblemException {

	TrainingInProgressException() {
		super(HttpStatus.CONFLICT, "training-in-progress",
				"A training run is in progress (on this or another replica); try again when it has finished.");
	}

}
