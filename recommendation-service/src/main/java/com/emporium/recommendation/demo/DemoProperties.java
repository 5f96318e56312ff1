package com.emporium.recommendation.demo;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.recommendation.demo.*}.
 *
 * @param enabled replay the demo history once, after start-up (only in the devstack's profile
 * {@code local}; off by default and in tests)
 * @param file the purchases to replay: a Spring resource location, gzip-compressed when it ends in
 * {@code .gz}
 * @param catalogWait how long to wait for the catalog replica to know the demo's products before
 * replaying against what it knows
 * @param catalogPoll how often to look at the catalog replica while waiting
 */
@ConfigurationProperties("emporium.recommendation.demo")
@Validated
record DemoProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("classpath:demo/purchases.csv.gz") @NotBlank String file,
		@DefaultValue("10m") @NotNull Duration catalogWait, @DefaultValue("5s") @NotNull Duration catalogPoll) {

	DemoProperties {
		if (catalogWait.isNegative() || !catalogPoll.isPositive()) {
			throw new IllegalArgumentException("catalog-wait must not be negative, catalog-poll must be positive");
		}
	}

}
