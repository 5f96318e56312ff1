package com.emporium.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestPropertySource;

/**
 * A full application context on a random port against embedded infrastructure: PostgreSQL and
 * Kafka by default, MongoDB on request. The servers start once per test JVM and are shared by every
 * test class, so contexts with the same configuration are cached and reused.
 *
 * <p>
 * The application gets:
 * <ul>
 * <li>{@code spring.datasource.url/username/password}: a database (and owner role) named after
 * {@code spring.application.name} ({@code order-service} becomes {@code order_service}), or
 * {@code app};</li>
 * <li>{@code spring.kafka.bootstrap-servers};</li>
 * <li>{@code spring.mongodb.uri} with database {@code test};</li>
 * <li>{@code emporium.security.jwt.jwk-set-uri}: the JWKS of {@link TestJwts};</li>
 * <li>no config server, Eureka or discovery client.</li>
 * </ul>
 *
 * <pre>{@code
 * @EmporiumIntegrationTest
 * class CheckoutIntegrationTests { ... }
 *
 * @EmporiumIntegrationTest(infrastructure = { Infrastructure.KAFKA, Infrastructure.MONGO })
 * class RecommendationIntegrationTests { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ContainersNeedDocker.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
// These must be in the environment before config data is loaded (a ContextCustomizer runs after),
// so they are static test properties rather than set by EmporiumContextCustomizerFactory.
@TestPropertySource(properties = { "spring.cloud.config.enabled=false", "spring.config.import=",
		"eureka.client.enabled=false", "spring.cloud.discovery.enabled=false", "logging.level.kafka=WARN",
		"logging.level.org.apache.kafka=WARN", "logging.level.state.change.logger=WARN", "logging.level.io.zonky=WARN",
		"logging.level.de.bwaldvogel=WARN" })
public @interface EmporiumIntegrationTest {

	/**
	 * @return the embedded servers to start (once per JVM) and wire into the application
	 */
	Infrastructure[] infrastructure() default { Infrastructure.POSTGRES, Infrastructure.KAFKA };

	/**
	 * @return extra {@code key=value} properties, as {@link SpringBootTest#properties()}
	 */
	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties() default {};

	/**
	 * @return the component classes of the context, as {@link SpringBootTest#classes()}
	 */
	@AliasFor(annotation = SpringBootTest.class, attribute = "classes")
	Class<?>[] classes() default {};

}
