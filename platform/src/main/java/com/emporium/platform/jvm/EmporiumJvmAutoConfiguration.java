package com.emporium.platform.jvm;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The JVM's footprint: {@link IdleHeapTrimmer} under the serial collector. */
@AutoConfiguration
@EnableConfigurationProperties(IdleHeapProperties.class)
@ConditionalOnBooleanProperty(name = "emporium.jvm.idle-heap-trim.enabled", matchIfMissing = true)
public class EmporiumJvmAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmporiumJvmAutoConfiguration.class);

	@Bean
	@Nullable IdleHeapTrimmer idleHeapTrimmer(IdleHeapProperties properties) {
		return IdleHeapTrimmer.forThisJvm(properties).orElseGet(() -> {
			log.debug("Not the serial collector: the JVM's own policy gives heap back");
			return null;
		});
	}

}
