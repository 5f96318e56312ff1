package com.emporium.product.stores;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.emporium.platform.test.KafkaTopics;
import com.emporium.platform.test.TestJwts;
import com.emporium.product.ProductServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultStoreTests extends ProductServiceIntegrationTest {

	static final String TOPIC = "emporium.user.user-registered.v1";

	@Test
	void aRegisteredVendorGetsOneStoreEvenWhenTheEventComesTwice() {
		UUID vendor = UUID.randomUUID();
		String username = "Ada.L_" + unique();
		String event = registered(UUID.randomUUID(), vendor, username, "VENDOR");
		KafkaTopics.send(TOPIC, vendor.toString(), event);
		KafkaTopics.send(TOPIC, vendor.toString(), event);
		// Same key, same partition, delivered in order: once this one is handled, both copies were.
		UUID marker = UUID.randomUUID();
		KafkaTopics.send(TOPIC, vendor.toString(), registered(UUID.randomUUID(), marker, "m" + unique(), "VENDOR"));
		awaitStores(marker, 1);

		JsonNode stores = storesOf(vendor);
		assertThat(stores.get("totalItems").asLong()).isOne();
		JsonNode store = stores.get("items").get(0);
		assertThat(store.get("slug").asString()).isEqualTo(username.toLowerCase().replace('.', '-').replace('_', '-'));
		assertThat(store.get("name").asString()).isEqualTo(username + "'s store");
		assertThat(store.get("active").asBoolean()).isTrue();
		assertThat(count("SELECT count(*) FROM processed_event WHERE consumer = 'default-store'")).isPositive();
	}

	@Test
	void aCustomersRegistrationOpensNoStore() {
		UUID customer = UUID.randomUUID();
		KafkaTopics.send(TOPIC, customer.toString(),
				registered(UUID.randomUUID(), customer, "c" + unique(), "CUSTOMER"));
		UUID marker = UUID.randomUUID();
		KafkaTopics.send(TOPIC, customer.toString(), registered(UUID.randomUUID(), marker, "m" + unique(), "VENDOR"));
		awaitStores(marker, 1);
		assertThat(storesOf(customer).get("totalItems").asLong()).isZero();
	}

	@Test
	void aTakenSlugGetsPartOfTheUserId() {
		String username = "taken" + unique();
		body(post("/api/v1/stores", Vendor.create().token(), Map.of("name", "First", "slug", username)),
				201);
		UUID vendor = UUID.randomUUID();
		KafkaTopics.send(TOPIC, vendor.toString(),
				registered(UUID.randomUUID(), vendor, username, "CUSTOMER", "VENDOR"));
		awaitStores(vendor, 1);
		assertThat(storesOf(vendor).get("items").get(0).get("slug").asString())
			.isEqualTo(username + "-" + vendor.toString().substring(0, 8));
	}

	@Test
	void anEventWithoutAUserIdGoesToTheDeadLetterTopic() {
		String key = "broken-" + unique();
		KafkaTopics.send(TOPIC, key, """
				{"specversion":"1.0","id":"%s","type":"UserRegistered","source":"user-service","subject":"x",
				 "time":"2026-11-23T10:00:00Z","datacontenttype":"application/json",
				 "data":{"username":"nobody","roles":["VENDOR"]}}""".formatted(UUID.randomUUID()));
		KafkaTopics.Record dead = KafkaTopics.awaitRecord(TOPIC + "-dlt", record -> key.equals(record.key()),
				Duration.ofSeconds(30));
		assertThat(dead.header("kafka_dlt-exception-message")).contains("lacks");
	}

	private void awaitStores(UUID owner, int count) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> storesOf(owner).get("totalItems").asLong() == count);
	}

	private JsonNode storesOf(UUID owner) {
		return body(get("/api/v1/stores?mine=true", TestJwts.token(owner.toString(), "VENDOR")), 200);
	}

	private static String registered(UUID eventId, UUID userId, String username, String... roles) {
		Instant now = Instant.now();
		return JsonMapper.shared()
			.writeValueAsString(Map.of("specversion", "1.0", "id", eventId.toString(), "type",
					"UserRegistered", "source", "user-service", "subject", userId.toString(), "time", now.toString(),
					"datacontenttype", "application/json", "data",
					Map.of("eventId", eventId.toString(), "occurredAt", now.toString(), "userId",
							userId.toString(), "username", username, "roles", List.of(roles))));
	}

}
