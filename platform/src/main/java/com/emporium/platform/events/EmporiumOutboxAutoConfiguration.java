package com.emporium.platform.events;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * The database side of events: re-sending what the outbox holds, and the processed-event table of
 * idempotent consumers.
 */
@AutoConfiguration(afterName = { "org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
		"org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration" })
@EnableConfigurationProperties(EventsProperties.class)
public class EmporiumOutboxAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmporiumOutboxAutoConfiguration.class);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(IncompleteEventPublications.class)
	static class Outbox {

		/**
		 * Sends again what the broker did not take (down, or slow to answer): the events wait in the
		 * service's own {@code event_publication} table, so none is lost. Only publications older
		 * than {@code emporium.events.resubmit-after} are touched, never ones in flight.
		 */
		@Bean
		@ConditionalOnBean(IncompleteEventPublications.class)
		OutboxResubmitter outboxResubmitter(IncompleteEventPublications publications, EventsProperties properties) {
			return new OutboxResubmitter(publications, properties);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JdbcTemplate.class)
	@ConditionalOnBean(JdbcTemplate.class)
	static class Idempotency {

		@Bean
		@ConditionalOnMissingBean
		ProcessedEvents processedEvents(JdbcTemplate jdbc) {
			return new ProcessedEvents(jdbc);
		}

	}

	static final class OutboxResubmitter implements InitializingBean, DisposableBean {

		private final IncompleteEventPublications publications;

		private final EventsProperties properties;

		private final ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("outbox-resubmitter").factory());

		OutboxResubmitter(IncompleteEventPublications publications, EventsProperties properties) {
			this.publications = publications;
			this.properties = properties;
		}

		@Override
		public void afterPropertiesSet() {
			long interval = this.properties.resubmitInterval().toMillis();
			this.scheduler.scheduleWithFixedDelay(this::resubmit, interval, interval, TimeUnit.MILLISECONDS);
		}

		void resubmit() {
			try {
				this.publications.resubmitIncompletePublicationsOlderThan(this.properties.resubmitAfter());
			}
			catch (RuntimeException ex) {
				// The database may be briefly unreachable; the next run tries again.
				log.warn("Could not resubmit outstanding events: {}", ex.getMessage());
			}
		}

		@Override
		public void destroy() {
			this.scheduler.shutdownNow();
		}

	}

}
