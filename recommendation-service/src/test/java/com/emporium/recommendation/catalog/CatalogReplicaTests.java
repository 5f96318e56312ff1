package com.emporium.recommendation.catalog;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.emporium.platform.test.EmporiumIntegrationTest;
import com.emporium.platform.test.Infrastructure;
import com.emporium.platform.test.KafkaTopics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EmporiumIntegrationTest(infrastructure = { Infrastructure.KAFKA, Infrastructure.MONGO })
class CatalogReplicaTests {

	static final String TOPIC = "emporium.product.product-created.v1";

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	RestTestClient http;

	@BeforeEach
	void client() {
		this.http = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	@Test
	void productCreatedDeliveredTwiceGivesOneDocument() {
		UUID productId = UUID.randomUUID();
		String event = envelope(UUID.randomUUID(), productId, "Red retrospot bag");
		KafkaTopics.send(TOPIC, productId.toString(), event);
		KafkaTopics.send(TOPIC, productId.toString(), event);
		UUID marker = UUID.randomUUID();
		KafkaTopics.send(TOPIC, marker.toString(), envelope(UUID.randomUUID(), marker, "Marker"));

		await().atMost(Duration.ofSeconds(30)).until(() -> this.mongo.exists(byId(marker), CatalogProduct.class));
		assertThat(this.mongo.count(byId(productId), CatalogProduct.class)).isEqualTo(1);
		CatalogProduct stored = this.mongo.findById(productId, CatalogProduct.class);
		assertThat(stored.name()).isEqualTo("Red retrospot bag");
		assertThat(stored.price()).isEqualByComparingTo("2.55");
		assertThat(stored.currency()).isEqualTo("GBP");
	}

	@Test
	void unreadableEventGoesToTheDeadLetterTopicWithTheReasonAndConsumptionGoesOn() {
		String key = "garbage-" + UUID.randomUUID();
		KafkaTopics.send(TOPIC, key, "this is not an envelope");
		UUID after = UUID.randomUUID();
		KafkaTopics.send(TOPIC, after.toString(), envelope(UUID.randomUUID(), after, "After garbage"));

		var dead = KafkaTopics.awaitRecord(TOPIC + "-dlt", record -> key.equals(record.key()), Duration.ofSeconds(30));
		assertThat(dead.value()).isEqualTo("this is not an envelope");
		assertThat(dead.header("kafka_dlt-exception-message")).isNotBlank();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mongo.exists(byId(after), CatalogProduct.class));
	}

	@Test
	void eventWithoutAProductIdIsDeadLetteredNamingWhatIsMissing() {
		String key = "incomplete-" + UUID.randomUUID();
		KafkaTopics.send(TOPIC, key, """
				{"specversion":"1.0","id":"%s","type":"ProductCreated","source":"product-service",
				 "subject":"x","time":"2026-11-23T10:00:00Z","datacontenttype":"application/json",
				 "data":{"name":"No id"}}""".formatted(UUID.randomUUID()));
		var dead = KafkaTopics.awaitRecord(TOPIC + "-dlt", record -> key.equals(record.key()), Duration.ofSeconds(30));
		assertThat(dead.header("kafka_dlt-exception-message")).contains("lacks productId");
	}

	@Test
	void newArrivalsServeTheReplicaNewestFirst() {
		UUID productId = UUID.randomUUID();
		KafkaTopics.send(TOPIC, productId.toString(), envelope(UUID.randomUUID(), productId, "Brand new lantern"));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mongo.exists(byId(productId), CatalogProduct.class));

		this.http.get()
			.uri("/api/v1/recommendations/new-arrivals?limit=100")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.productId == '%s')].reason".formatted(productId))
			.isEqualTo("new in the catalog");
	}

	@Test
	void absurdLimitsAreProblemsNamingTheParameter() {
		for (String limit : new String[] { "0", "-1", "10000", "many" }) {
			this.http.get()
				.uri("/api/v1/recommendations/new-arrivals?limit=" + limit)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].parameter")
				.isEqualTo("limit");
		}
	}

	@Test
	void reportsReadyOnlyWithMongoDbAnswering() {
		this.http.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk();
		this.http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status")
			.isEqualTo("UP");
	}

	private static Query byId(UUID id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	private static String envelope(UUID eventId, UUID productId, String name) {
		return """
				{"specversion":"1.0","id":"%s","type":"ProductCreated","source":"product-service",
				 "subject":"%s","time":"2026-11-23T10:00:00Z","datacontenttype":"application/json",
				 "data":{"eventId":"%s","occurredAt":"2026-11-23T10:00:00Z","productId":"%s","name":"%s",
				         "priceAmount":2.55,"priceCurrency":"GBP"}}"""
			.formatted(eventId, productId, eventId, productId, name);
	}

}
