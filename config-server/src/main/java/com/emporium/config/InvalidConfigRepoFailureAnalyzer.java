package com.emporium.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a broken configuration repository as Boot's "APPLICATION FAILED TO START" block with
 * the file and line as its description, instead of a bean-creation stack trace.
 */
class InvalidConfigRepoFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigRepoException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigRepoException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
