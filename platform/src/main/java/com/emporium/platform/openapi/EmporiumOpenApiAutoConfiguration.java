package com.emporium.platform.openapi;

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Problem responses and the bearer scheme in every service's OpenAPI document. */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class EmporiumOpenApiAutoConfiguration {

	@Bean
	ProblemResponsesOpenApiCustomizer problemResponsesOpenApiCustomizer() {
		return new ProblemResponsesOpenApiCustomizer();
	}

}
