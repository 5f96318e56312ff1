package com.emporium.payment.processor;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The adapter {@code emporium.payments.processor.type} names. */
@Configuration(proxyBeanMethods = false)
class ProcessorConfiguration {

	@Bean
	CardProcessor cardProcessor(ProcessorProperties properties, ObjectProvider<CircuitBreakerRegistry> breakers) {
		if (properties.type() == ProcessorProperties.Type.SIMULATOR) {
			return new SimulatedCardProcessor();
		}
		if (properties.baseUrl() == null || properties.secretKey() == null || properties.secretKey().isBlank()) {
			throw new IllegalStateException(
					"emporium.payments.processor.base-url and secret-key are required for the stripe processor");
		}
		return new StripeCardProcessor(properties.baseUrl(), properties.secretKey(), properties.timeout(),
				breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults).circuitBreaker(StripeCardProcessor.BREAKER));
	}

}
