package com.emporium.recommendation.interaction;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes interactions older than {@code retention} and order states untouched for
 * {@code pending-order-retention}, hourly. Every instance may run it: deleting what is already gone
 * changes nothing, so no lock is needed.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(InteractionProperties.class)
class InteractionRetention {

	private static final Logger log = LoggerFactory.getLogger(InteractionRetention.class);

	private final InteractionStore store;

	private final Purchases purchases;

	private final InteractionProperties properties;

	private final Clock clock;

	InteractionRetention(InteractionStore store, Purchases purchases, InteractionProperties properties, Clock clock) {
		this.store = store;
		this.purchases = purchases;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelay = 10, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
	void purge() {
		Instant now = this.clock.instant();
		long interactions = this.store.purgeBefore(now.minus(this.properties.retention()));
		long orders = this.purchases.purgeBefore(now.minus(this.properties.pendingOrderRetention()));
		if (interactions > 0 || orders > 0) {
			log.info("Retention purged interactions={} pendingOrders={}", interactions, orders);
		}
	}

}
