package com.emporium.recommendation;

import com.mongodb.MongoConnectionPoolClearedException;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoDatabaseFactorySupport;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;

/**
 * MongoDB that cannot be reached is a {@link DataAccessResourceFailureException}, which the
 * platform answers with a 503 problem and {@code Retry-After}. Spring Data already translates a
 * timeout or a refused connection so; not the driver's "connection pool paused" (after a failed
 * heartbeat, every operation in flight fails with it), which came back as an uncategorized error
 * and a 500: seen on the serving bench when the embedded MongoDB stalled.
 */
@Configuration(proxyBeanMethods = false)
class MongoFailures {

	@Bean
	static BeanPostProcessor mongoFailureTranslation() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof MongoDatabaseFactorySupport<?> factory) {
					factory.setExceptionTranslator(new Translator());
				}
				return bean;
			}
		};
	}

	/** The default translation, plus the paused connection pool. */
	static final class Translator extends MongoExceptionTranslator {

		@Override
		public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
			if (ex instanceof MongoConnectionPoolClearedException) {
				return new DataAccessResourceFailureException(ex.getMessage(), ex);
			}
			return super.translateExceptionIfPossible(ex);
		}

	}

}
