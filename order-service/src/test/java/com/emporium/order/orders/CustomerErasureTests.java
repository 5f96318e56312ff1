package com.emporium.order.orders;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.order.OrderServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** user-service's {@code UserDeleted}, published to the embedded Kafka, once and twice. */
class CustomerErasureTests extends OrderServiceIntegrationTest {

	static final String USER_DELETED = "emporium.user.user-deleted.v1";

	@Test
	void aDeletedUsersPersonalDataIsErasedAndTheirOrdersKeptEvenWhenDeliveredTwice() {
		Customer ada = Customer.create();
		Product product = product("20.00", "EUR", 20);
		body(addToCart(ada.token(), null, item(product, 2)), 200);
		Map<String, Object> request = order("DE", "CARD");
		request.put("notes", "Ring twice, Ada");
		JsonNode placed = body(checkout(ada.token(), UUID.randomUUID().toString(), request), 201);
		String id = placed.get("id").asString();
		body(post("/api/v1/orders/" + id + "/cancellation", ada.token(), Map.of("reason", "Ada moved to Paris")), 200);
		body(addToCart(ada.token(), null, item(product, 1)), 200);
		// Someone else's order and cart stay as they are.
		Customer grace = Customer.create();
		String other = placeOrder(grace, "20.00", 1).get("id").asString();
		body(addToCart(grace.token(), null, item(product, 1)), 200);

		UUID eventId = UUID.randomUUID();
		Map<String, Object> data = Map.of("userId", ada.id().toString());
		publish(USER_DELETED, ada.id().toString(), "UserDeleted", eventId, data);
		publish(USER_DELETED, ada.id().toString(), "UserDeleted", eventId, data);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> count("SELECT count(*) FROM processed_event WHERE consumer = 'user-erasure' AND event_id = ?",
					eventId) == 1);

		JsonNode order = body(get("/api/v1/orders/" + id, ADMIN), 200);
		for (String address : new String[] { "shippingAddress", "billingAddress" }) {
			JsonNode erased = order.get(address);
			assertThat(erased.get("name").asString()).isEmpty();
			assertThat(erased.get("line1").asString()).isEmpty();
			assertThat(erased.get("city").asString()).isEmpty();
			assertThat(erased.get("postalCode").asString()).isEmpty();
			assertThat(erased.get("country").asString()).isEqualTo("DE");
		}
		assertThat(order.get("notes").isNull()).isTrue();
		assertThat(order.get("cancellationReason").isNull()).isTrue();
		assertThat(order.toString()).doesNotContain("Ada", "Analytical", "Berlin", "Paris");
		assertThat(order.get("number").asString()).isEqualTo(placed.get("number").asString());
		assertThat(order.get("customerId").asString()).isEqualTo(ada.id().toString());
		assertThat(order.get("total").decimalValue()).isEqualByComparingTo(placed.get("total").decimalValue());
		assertThat(order.get("lines")).hasSize(1);
		assertThat(order.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
		assertThat(order.get("history")).hasSize(2);
		assertThat(count("SELECT count(*) FROM carts WHERE owner_id = ?", ada.id())).isZero();

		JsonNode untouched = body(get("/api/v1/orders/" + other, grace.token()), 200);
		assertThat(untouched.get("shippingAddress").get("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(body(get("/api/v1/cart", grace.token()), 200).get("items")).hasSize(1);
	}

	@Test
	void aUserDeletedEventWithoutAUserIdGoesToTheDeadLetterTopic() {
		String key = "broken-" + unique();
		publish(USER_DELETED, key, "UserDeleted", Map.of("reason", "none"));
		com.emporium.platform.test.KafkaTopics.Record dead = com.emporium.platform.test.KafkaTopics.awaitRecord(
				USER_DELETED + "-dlt", record -> key.equals(record.key()), Duration.ofSeconds(30));
		assertThat(dead.header("kafka_dlt-exception-message")).contains("lacks userId");
	}

}
