package com.emporium.platform.security;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;

/**
 * The {@link TokenDenylist} of every web application, and, where Kafka is on the class path, the
 * consumer that fills it ({@link TokenRevocationListener}). Its consumer group is unique to the
 * instance and never commits offsets: each instance must see every revocation, and on start it
 * reads back one token lifetime instead of resuming where a previous run stopped.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@EnableConfigurationProperties(EmporiumSecurityProperties.class)
public class EmporiumTokenRevocationAutoConfiguration {

	@Bean
	TokenDenylist tokenDenylist(EmporiumSecurityProperties properties) {
		EmporiumSecurityProperties.Revocation revocation = properties.revocation();
		return new TokenDenylist(revocation.maxEntries(), revocation.maxTokenLifetime(), Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ KafkaMessageListenerContainer.class, KafkaProperties.class })
	@ConditionalOnBooleanProperty(name = "emporium.security.revocation.enabled", matchIfMissing = true)
	static class Listening {

		@Bean
		KafkaMessageListenerContainer<String, byte[]> tokenRevocationListenerContainer(KafkaProperties kafka,
				EmporiumSecurityProperties properties, TokenDenylist denylist, Environment environment) {
			Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
			String application = environment.getProperty("spring.application.name", "emporium");
			consumer.put(ConsumerConfig.GROUP_ID_CONFIG, application + "-revocations-" + UUID.randomUUID());
			consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
			consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
			consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
			consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
			// A revocation must reach every instance within a second.
			consumer.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
			ContainerProperties container = new ContainerProperties(
					TokenRevocationListener.topics().toArray(String[]::new));
			container.setMessageListener(new TokenRevocationListener(denylist,
					properties.revocation().maxTokenLifetime(), Clock.systemUTC()));
			// Offsets are never committed: the group exists for this instance's lifetime only.
			container.setAckMode(ContainerProperties.AckMode.MANUAL);
			container.setMissingTopicsFatal(false);
			container.setGroupId(consumer.get(ConsumerConfig.GROUP_ID_CONFIG).toString());
			KafkaMessageListenerContainer<String, byte[]> listener = new KafkaMessageListenerContainer<>(
					new DefaultKafkaConsumerFactory<>(consumer), container);
			listener.setBeanName("tokenRevocationListener");
			return listener;
		}

	}

}
