package com.emporium.platform.test;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@EmporiumIntegrationTest(properties = "spring.application.name=order-service")
class EmporiumIntegrationTestTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	KafkaTemplate<Object, Object> kafka;

	@Autowired
	ApplicationContext context;

	@Value("${emporium.security.jwt.jwk-set-uri}")
	String jwkSetUri;

	@Test
	void connectsToADatabaseNamedAfterTheApplicationOnTheEmbeddedServer() {
		assertThat(this.jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo("order_service");
		assertThat(this.jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo("order_service");
		assertThat(this.jdbc.queryForObject("SHOW port", Integer.class)).isEqualTo(EmbeddedInfrastructure.postgres().port());
	}

	@Test
	void sendsThroughTheEmbeddedBrokerWhereKafkaTopicsReadsIt() throws Exception {
		String key = UUID.randomUUID().toString();
		this.kafka.send("emporium.test.thing-happened.v1", key, "{\"happened\":true}").get();

		KafkaTopics.Record record = KafkaTopics.awaitRecord("emporium.test.thing-happened.v1",
				candidate -> key.equals(candidate.key()), Duration.ofSeconds(20));

		assertThat(record.value()).isEqualTo("{\"happened\":true}");
	}

	@Test
	void pointsJwtValidationAtTheServedJwks() {
		assertThat(this.jwkSetUri).isEqualTo(TestJwts.jwkSetUri()).startsWith("http://127.0.0.1:");
	}

	@Test
	void disablesConfigServerAndDiscovery() {
		assertThat(this.context.getEnvironment().getProperty("spring.cloud.config.enabled")).isEqualTo("false");
		assertThat(this.context.getEnvironment().getProperty("eureka.client.enabled")).isEqualTo("false");
	}

	@Nested
	class InANestedClass {

		@Autowired
		ApplicationContext nestedContext;

		@Test
		void sharesTheContextAndTheServers() {
			assertThat(this.nestedContext).isSameAs(EmporiumIntegrationTestTests.this.context);
			assertThat(EmbeddedInfrastructure.isRunning(Infrastructure.POSTGRES)).isTrue();
		}

	}

}
