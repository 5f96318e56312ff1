package com.emporium.order.cart;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code emporium.cart.*} is checked at startup: a retention or interval must be positive. */
class GuestCartPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class);

	@Test
	void guestCartsAreKept30DaysAndLookedForHourlyByDefault() {
		this.context.run(started -> {
			GuestCartProperties properties = started.getBean(GuestCartProperties.class);
			assertThat(properties.guestRetention()).isEqualTo(Duration.ofDays(30));
			assertThat(properties.guestCleanupInterval()).isEqualTo(Duration.ofHours(1));
		});
		this.context
			.withPropertyValues("emporium.cart.guest-retention=7d",
					"emporium.cart.guest-cleanup-interval=15m")
			.run(started -> assertThat(started.getBean(GuestCartProperties.class))
				.isEqualTo(new GuestCartProperties(Duration.ofDays(7), Duration.ofMinutes(15))));
	}

	@Test
	void aRetentionThatIsNotPositiveRefusesToStart() {
		for (String retention : new String[] { "0s", "-1d" }) {
			this.context.withPropertyValues("emporium.cart.guest-retention=" + retention)
				.run(started -> assertThat(started).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("emporium.cart.guest-retention must be positive"));
		}
	}

	@Test
	void anIntervalThatIsNotPositiveOrAValueThatIsNoDurationRefusesToStart() {
		this.context.withPropertyValues("emporium.cart.guest-cleanup-interval=0m")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("emporium.cart.guest-cleanup-interval must be positive"));
		this.context.withPropertyValues("emporium.cart.guest-retention=a month")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.hasStackTraceContaining("emporium.cart.guest-retention"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(GuestCartProperties.class)
	static class Properties {

	}

}
