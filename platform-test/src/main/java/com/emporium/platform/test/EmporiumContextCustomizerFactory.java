package com.emporium.platform.test;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;


import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Wires the embedded servers into the context of a test class annotated with
 * {@link EmporiumIntegrationTest}. Registered in {@code META-INF/spring.factories}.
 */
public class EmporiumContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		EmporiumIntegrationTest annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				EmporiumIntegrationTest.class);
		if (annotation == null) {
			return null;
		}
		Set<Infrastructure> infrastructure = EnumSet.noneOf(Infrastructure.class);
		infrastructure.addAll(List.of(annotation.infrastructure()));
		return new EmporiumContextCustomizer(infrastructure);
	}

	/**
	 * A record, so equal infrastructure means an equal customizer and Spring's context cache can
	 * share the context between test classes.
	 */
	record EmporiumContextCustomizer(Set<Infrastructure> infrastructure) implements ContextCustomizer {

		static final String PROPERTY_SOURCE_NAME = "emporiumIntegrationTest";

		static final String PASSWORD = "test";

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			ConfigurableEnvironment environment = context.getEnvironment();
			Map<String, Object> properties = new LinkedHashMap<>();
			if (this.infrastructure.contains(Infrastructure.POSTGRES)) {
				String database = databaseName(environment.getProperty("spring.application.name"));
				properties.put("spring.datasource.url", EmbeddedInfrastructure.database(database, PASSWORD));
				properties.put("spring.datasource.username", database);
				properties.put("spring.datasource.password", PASSWORD);
			}
			if (this.infrastructure.contains(Infrastructure.KAFKA)) {
				properties.put("spring.kafka.bootstrap-servers", EmbeddedInfrastructure.kafkaBootstrapServers());
			}
			if (this.infrastructure.contains(Infrastructure.MONGO)) {
				properties.put("spring.mongodb.uri", EmbeddedInfrastructure.mongoConnectionString("test"));
			}
			properties.put("emporium.security.jwt.jwk-set-uri", TestJwts.jwkSetUri());
			properties.put("spring.cloud.config.enabled", "false");
			properties.put("eureka.client.enabled", "false");
			properties.put("spring.cloud.discovery.enabled", "false");
			MutablePropertySources sources = environment.getPropertySources();
			MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME, properties);
			// Above application.yml and the environment, below what the test class itself sets.
			if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
				sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, source);
			}
			else {
				sources.addFirst(source);
			}
			EmbeddedInfrastructure.register(context);
		}

		static String databaseName(String applicationName) {
			if (applicationName == null || applicationName.isBlank()) {
				return "app";
			}
			String name = applicationName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
			name = Character.isDigit(name.charAt(0)) ? "_" + name : name;
			return (name.length() > 63) ? name.substring(0, 63) : name;
		}

	}

}
