package com.emporium.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(name = "emporium.gateway.rate-limit.enabled", matchIfMissing = true)
	ClientRateLimiter clientRateLimiter(RateLimitProperties properties) {
		return new ClientRateLimiter(properties, System::nanoTime);
	}

}
