package com.emporium.platform.events;


import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Events out through the outbox, events in idempotently, poison records to {@code <topic>-dlt}.
 */
@AutoConfiguration(beforeName = { "org.springframework.modulith.events.config.EventExternalizationAutoConfiguration",
		"org.springframework.modulith.events.kafka.KafkaEventExternalizerConfiguration",
		"org.springframework.modulith.events.kafka.KafkaJacksonConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
@EnableConfigurationProperties(EventsProperties.class)
public class EmporiumEventsAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmporiumEventsAutoConfiguration.class);

	/** Every {@code @Externalized} {@link EmporiumEvent} leaves wrapped in the fleet's envelope. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EventExternalizationConfiguration.class)
	static class Externalization {

		@Bean
		@ConditionalOnMissingBean
		EventExternalizationConfiguration eventExternalizationConfiguration(Environment environment) {
			String source = environment.getRequiredProperty("spring.application.name");
			return EventExternalizationConfiguration.externalizing()
				.select(EventExternalizationConfiguration.annotatedAsExternalized())
				.mapping(event -> event instanceof EmporiumEvent fact ? EventEnvelope.wrap(fact, source) : event)
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(KafkaOperations.class)
	static class Consumers {

		/** Listeners get JSON converted to their parameter type, ignoring any type headers. */
		@Bean
		@ConditionalOnMissingBean(RecordMessageConverter.class)
		ByteArrayJacksonJsonMessageConverter emporiumRecordMessageConverter() {
			return new ByteArrayJacksonJsonMessageConverter();
		}

		/**
		 * A few tries with a pause, then the record goes to {@code <topic>-dlt} with the reason in
		 * its headers ({@code kafka_dlt-exception-message}), and the partition moves on. Records
		 * that cannot be read at all skip the retries.
		 */
		@Bean
		@ConditionalOnMissingBean(CommonErrorHandler.class)
		DefaultErrorHandler emporiumKafkaErrorHandler(KafkaOperations<Object, Object> template,
				EventsProperties properties) {
			DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
					(ConsumerRecord<?, ?> record, Exception ex) -> {
						log.warn("Sending record to dead-letter topic topic={} partition={} offset={} reason={}",
								record.topic(), record.partition(), record.offset(), rootMessage(ex));
						return new TopicPartition(record.topic() + "-dlt", -1);
					});
			return new DefaultErrorHandler(deadLetters, new FixedBackOff(properties.retryBackoff().toMillis(),
					Math.max(0, properties.deliveryAttempts() - 1)));
		}

		private static String rootMessage(Exception ex) {
			Throwable root = ex;
			while (root.getCause() != null) {
				root = root.getCause();
			}
			return root.getClass().getSimpleName();
		}

	}

}
