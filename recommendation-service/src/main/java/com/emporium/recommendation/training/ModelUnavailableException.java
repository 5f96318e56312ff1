package com.emporium.recommendation.training;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** A model version is listed but its bytes are gone (purged) or cannot be read back. */
public class ModelUnavailableException extends ProblemException {

	ModelUnavailableException(long version, String why) {
		super(HttpStatus.CONFLICT, "model-unavailable",
				"Model version %d cannot be loaded: %s.".formatted(version, why));
		with("version", version);
	}

}
