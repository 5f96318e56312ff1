package com.emporium.platform.web.reactive;

import com.emporium.platform.web.EmporiumWebAutoConfiguration.WebProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Request ids, the request size limit and problem details on the reactive stack (the gateway). */
@AutoConfiguration(beforeName = "org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(WebProperties.class)
public class EmporiumReactiveWebAutoConfiguration {

	@Bean
	ReactiveRequestIdFilter reactiveRequestIdFilter() {
		return new ReactiveRequestIdFilter();
	}

	@Bean
	ReactiveRequestSizeLimitFilter reactiveRequestSizeLimitFilter(WebProperties properties) {
		return new ReactiveRequestSizeLimitFilter(properties);
	}

	@Bean
	ProblemErrorWebExceptionHandler problemErrorWebExceptionHandler() {
		return new ProblemErrorWebExceptionHandler();
	}

}
