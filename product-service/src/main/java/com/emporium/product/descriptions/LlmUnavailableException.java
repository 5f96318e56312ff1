package com.emporium.product.descriptions;

import com.emporium.platform.web.ProblemException;

import org.springframework.http.HttpStatus;

/** The LLM did not give a usable draft (no answer in time, an error, no text): nothing was stored. */
class LlmUnavailableException extends ProblemException {

	LlmUnavailableException(String reason) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "llm-unavailable",
				"The description writer gave no usable draft (%s). Try again later.".formatted(reason));
		with("reason", reason);
	}

}
