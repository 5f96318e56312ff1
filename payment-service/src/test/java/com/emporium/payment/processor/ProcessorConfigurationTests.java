package com.emporium.payment.processor;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code emporium.payments.processor.type} picks the adapter; stripe needs its URL and key. */
class ProcessorConfigurationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, ProcessorConfiguration.class);

	@Test
	void theSimulatorIsTheDefault() {
		this.context.run(started -> assertThat(started.getBean(CardProcessor.class))
			.isInstanceOf(SimulatedCardProcessor.class));
	}

	@Test
	void stripeIsChosenByConfigurationAndNeedsItsUrlAndKey() {
		this.context
			.withPropertyValues("emporium.payments.processor.type=stripe",
					"emporium.payments.processor.base-url=https://api.example.com",
					"emporium.payments.processor.secret-key=sk_test_1")
			.run(started -> assertThat(started.getBean(CardProcessor.class)).isInstanceOf(StripeCardProcessor.class));
		this.context.withPropertyValues("emporium.payments.processor.type=stripe")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("secret-key"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ProcessorProperties.class)
	static class Properties {

	}

}
