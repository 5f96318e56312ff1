package com.emporium.platform.test;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In the Testcontainers mode, an {@link EmporiumIntegrationTest} runs only where Docker answers;
 * elsewhere it is skipped (reported as skipped, with the reason), never failed. In the default
 * embedded mode it always runs.
 */
public class ContainersNeedDocker implements ExecutionCondition {

	private static Boolean dockerAvailable;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!TestInfrastructureMode.containers()) {
			return ConditionEvaluationResult.enabled("embedded infrastructure");
		}
		return dockerAvailable() ? ConditionEvaluationResult.enabled("Docker is available")
				: ConditionEvaluationResult.disabled(
						"Docker is not available: the Testcontainers path (-Ptestcontainers) skips this test");
	}

	private static synchronized boolean dockerAvailable() {
		if (dockerAvailable == null) {
			dockerAvailable = Containers.dockerAvailable();
		}
		return dockerAvailable;
	}

}
