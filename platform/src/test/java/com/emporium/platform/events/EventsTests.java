package com.emporium.platform.events;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.emporium.platform.test.EmporiumIntegrationTest;
import com.emporium.platform.test.KafkaTopics;
import com.emporium.platform.testapp.PlatformTestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EmporiumIntegrationTest(classes = PlatformTestApplication.class)
class EventsTests {

	static final String TOPIC = "emporium.test.widget-made.v1";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	PlatformTestApplication.WidgetCounter counter;

	@Autowired
	JdbcTemplate jdbc;

	RestTestClient http;

	@BeforeEach
	void client() {
		this.http = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void eventLeavesThroughTheOutboxInTheDocumentedEnvelope() {
		String name = "envelope-" + UUID.randomUUID();
		createWidget(name);

		KafkaTopics.Record record = KafkaTopics.awaitRecord(TOPIC, r -> r.value().contains(name), Duration.ofSeconds(30));
		JsonNode envelope = JSON.readTree(record.value());
		assertThat(envelope.get("specversion").asString()).isEqualTo("1.0");
		assertThat(envelope.get("type").asString()).isEqualTo("WidgetMade");
		assertThat(envelope.get("source").asString()).isEqualTo("platform-test-app");
		assertThat(envelope.get("datacontenttype").asString()).isEqualTo("application/json");
		assertThat(UUID.fromString(envelope.get("id").asString())).isNotNull();
		assertThat(envelope.get("time").asString()).isNotBlank();
		assertThat(envelope.get("subject").asString()).isEqualTo(envelope.get("data").get("widgetId").asString())
			.isEqualTo(record.key());
		assertThat(envelope.get("data").get("name").asString()).isEqualTo(name);
		await().untilAsserted(() -> assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM event_publication", Integer.class))
			.as("completed publications are deleted from the outbox")
			.isZero());
	}

	@Test
	void consumerAppliesAnEventDeliveredTwiceOnce() {
		String name = "twice-" + UUID.randomUUID();
		createWidget(name);
		KafkaTopics.Record original = KafkaTopics.awaitRecord(TOPIC, r -> r.value().contains(name), Duration.ofSeconds(30));
		await().until(() -> applied(name) == 1);

		KafkaTopics.send(TOPIC, original.key(), original.payload());
		KafkaTopics.send(TOPIC, original.key(), original.payload());
		String marker = "after-duplicates-" + UUID.randomUUID();
		createWidget(marker);
		await().until(() -> applied(marker) == 1);

		assertThat(applied(name)).isEqualTo(1);
	}

	@Test
	void unreadableEventGoesToTheDeadLetterTopicWithTheReasonAndTheConsumerKeepsGoing() {
		String key = "garbage-" + UUID.randomUUID();
		KafkaTopics.send(TOPIC, key, "{not json at all");
		String after = "after-garbage-" + UUID.randomUUID();
		createWidget(after);

		KafkaTopics.Record dead = KafkaTopics.awaitRecord(TOPIC + "-dlt", r -> key.equals(r.key()), Duration.ofSeconds(30));
		assertThat(dead.value()).isEqualTo("{not json at all");
		assertThat(dead.header("kafka_dlt-exception-message")).isNotBlank();
		assertThat(dead.header("kafka_dlt-original-topic")).isEqualTo(TOPIC);
		await().until(() -> applied(after) == 1);
	}

	@Test
	void eventTheConsumerKeepsFailingOnGoesToTheDeadLetterTopicAfterRetries() {
		createWidget("poison");
		KafkaTopics.Record dead = KafkaTopics.awaitRecord(TOPIC + "-dlt",
				r -> r.value().contains("\"poison\""), Duration.ofSeconds(30));
		assertThat(dead.header("kafka_dlt-exception-message")).contains("poison widget");
		String after = "after-poison-" + UUID.randomUUID();
		createWidget(after);
		await().until(() -> applied(after) == 1);
	}

	private void createWidget(String name) {
		this.http.post()
			.uri("/api/v1/widgets")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name, "price", Map.of("amount", 1, "currency", "EUR"), "quantity", 1))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private long applied(String name) {
		return this.counter.applied().stream().filter(event -> event.data().name().equals(name)).count();
	}

}
