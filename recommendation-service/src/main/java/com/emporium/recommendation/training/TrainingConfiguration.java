package com.emporium.recommendation.training;

import com.emporium.platform.security.EndpointAuthorization;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Training's settings and who may see and start runs and activate versions. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ TrainingProperties.class, ExperimentProperties.class })
class TrainingConfiguration {

	static final String RUNS = "/api/v1/admin/recommendations/training-runs";

	static final String MODELS = "/api/v1/admin/recommendations/models";

	/** Managers read; only admins start runs and activate versions. */
	@Bean
	EndpointAuthorization trainingAccess() {
		return requests -> requests
			.requestMatchers(HttpMethod.GET, RUNS, RUNS + "/**", MODELS, MODELS + "/**")
			.hasAnyRole("ADMIN", "MANAGER")
			.requestMatchers(RUNS, RUNS + "/**", MODELS, MODELS + "/**")
			.hasRole("ADMIN");
	}

}
