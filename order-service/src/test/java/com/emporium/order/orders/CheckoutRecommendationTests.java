package com.emporium.order.orders;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.order.OrderServiceIntegrationTest;
import com.emporium.platform.events.EventEnvelope;
import com.emporium.platform.test.KafkaTopics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.support.converter.RecordMessageConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each order line, in {@code OrderPlaced} and in the order view, names the recommendation credited
 * with it: its cart line's, else the checkout's, else none.
 */
class CheckoutRecommendationTests extends OrderServiceIntegrationTest {

	static final String PLACED = "emporium.order.order-placed.v1";

	@Autowired
	RecordMessageConverter converter;

	@Test
	void eachLineIsCreditedToItsCartLinesRecommendationElseTheCheckouts() {
		Customer ada = Customer.create();
		Product stool = product("10.00", "EUR", 10);
		Product lamp = product("30.00", "EUR", 10);
		Product rug = product("50.00", "EUR", 10);
		body(addToCart(ada.token(), null, recommended(stool, 1, "co-purchase", "rec-stool")), 200);
		body(addToCart(ada.token(), null, item(lamp, 2)), 200);
		// A guest's add from a list, merged at sign-in, is credited too.
		String guest = body(addToCart(null, null, recommended(rug, 1, "trending", "rec-rug")), 200).get("cartToken")
			.asString();
		body(send(HttpMethod.GET, "/api/v1/cart", ada.token(), null, Map.of("X-Cart-Token", guest)), 200);
		Map<String, Object> request = order("DE", "CARD");
		request.put("recommendation", Map.of("source", "home", "id", "rec-checkout"));

		JsonNode order = body(checkout(ada.token(), "k-" + unique(), request), 201);
		String id = order.get("id").asString();
		assertThat(order.get("recommendation").get("id").asString()).as("the order keeps its own")
			.isEqualTo("rec-checkout");
		assertLine(line(order, stool), "co-purchase", "rec-stool");
		assertLine(line(order, lamp), "home", "rec-checkout");
		assertLine(line(order, rug), "trending", "rec-rug");

		// Read back as the customer and as staff: the fact is kept on the order.
		for (String reader : List.of(ada.token(), MANAGER, ADMIN)) {
			JsonNode read = body(get("/api/v1/orders/" + id, reader), 200);
			assertLine(line(read, stool), "co-purchase", "rec-stool");
			assertLine(line(read, lamp), "home", "rec-checkout");
			assertLine(line(read, rug), "trending", "rec-rug");
		}

		JsonNode placed = awaitEvent(PLACED, id, event -> true).get("data");
		assertThat(placed.get("lines")).hasSize(3);
		assertEventLine(eventLine(placed, stool), "co-purchase", "rec-stool");
		assertEventLine(eventLine(placed, lamp), "home", "rec-checkout");
		assertEventLine(eventLine(placed, rug), "trending", "rec-rug");
		assertThat(eventLine(placed, lamp).get("quantity").asInt()).isEqualTo(2);
	}

	@Test
	void aLineWithNeitherRecommendationHasNone() {
		Customer ada = Customer.create();
		Product stool = product("10.00", "EUR", 10);
		body(addToCart(ada.token(), null, item(stool, 1)), 200);
		String key = "k-" + unique();

		JsonNode order = body(checkout(ada.token(), key, order("DE", "CARD")), 201);
		String id = order.get("id").asString();
		assertThat(line(order, stool).get("recommendation").isNull()).isTrue();
		assertThat(line(body(get("/api/v1/orders/" + id, ada.token()), 200), stool).get("recommendation").isNull())
			.isTrue();
		assertThat(line(body(checkout(ada.token(), key, order("DE", "CARD")), 200), stool).get("recommendation")
			.isNull()).as("a replay shows the same order").isTrue();

		JsonNode line = eventLine(awaitEvent(PLACED, id, event -> true).get("data"), stool);
		assertThat(line.has("recommendationId")).as("sent as null, not left out").isTrue();
		assertThat(line.get("recommendationId").isNull()).isTrue();
		assertThat(line.get("recommendationSource").isNull()).isTrue();
		assertThat(count("SELECT count(*) FROM order_lines WHERE order_id = ?::uuid AND recommendation_id IS NULL "
				+ "AND recommendation_source IS NULL", id)).isOne();
	}

	@Test
	void aLineWithoutItsOwnTakesTheCheckoutsRecommendation() {
		Customer ada = Customer.create();
		Product stool = product("10.00", "EUR", 10);
		body(addToCart(ada.token(), null, item(stool, 3)), 200);
		Map<String, Object> request = order("DE", "CARD");
		request.put("recommendation", Map.of("source", "email", "id", "rec-" + unique()));
		String recommendationId = castMap(request.get("recommendation")).get("id").toString();

		JsonNode order = body(checkout(ada.token(), "k-" + unique(), request), 201);
		assertLine(line(order, stool), "email", recommendationId);
		assertEventLine(eventLine(awaitEvent(PLACED, order.get("id").asString(), event -> true).get("data"), stool),
				"email", recommendationId);
	}

	@Test
	void consumersReadingTheEventAsBeforeStillReadIt() {
		Customer ada = Customer.create();
		Product stool = product("12.50", "EUR", 10);
		body(addToCart(ada.token(), null, recommended(stool, 2, "co-purchase", "rec-" + unique())), 200);
		String id = body(checkout(ada.token(), "k-" + unique(), order("DE", "CARD")), 201).get("id").asString();
		KafkaTopics.Record record = KafkaTopics.awaitRecord(PLACED, candidate -> id.equals(candidate.key()),
				Duration.ofSeconds(30));

		// The way product-service and recommendation-service read it: the platform's converter, into
		// their own records, which know only the fields that were there before.
		ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>(record.topic(), record.partition(),
				record.offset(), record.key(), record.payload());
		Object payload = this.converter
			.toMessage(consumed, null, null,
					ResolvableType.forClassWithGenerics(EventEnvelope.class, OrderPlacedBefore.class).getType())
			.getPayload();
		assertThat(payload).isInstanceOf(EventEnvelope.class);
		OrderPlacedBefore placed = (OrderPlacedBefore) ((EventEnvelope<?>) payload).data();
		assertThat(placed.orderId()).hasToString(id);
		assertThat(placed.customerId()).isEqualTo(ada.id());
		assertThat(placed.currency()).isEqualTo("EUR");
		assertThat(placed.lines()).hasSize(1);
		assertThat(placed.lines().get(0).productId()).isEqualTo(stool.id());
		assertThat(placed.lines().get(0).sku()).isEqualTo(stool.sku());
		assertThat(placed.lines().get(0).quantity()).isEqualTo(2);
		assertThat(placed.lines().get(0).unitPrice()).isEqualByComparingTo("12.50");
	}

	/** {@code OrderPlaced} as consumers declared it before lines named a recommendation. */
	record OrderPlacedBefore(UUID eventId, Instant occurredAt, UUID orderId, String orderNumber, UUID customerId,
			List<Line> lines, BigDecimal subtotal, BigDecimal tax, BigDecimal shipping, BigDecimal total,
			String currency, String paymentMethod) {

		record Line(UUID productId, String sku, int quantity, BigDecimal unitPrice) {
		}

	}

	private static void assertLine(JsonNode line, String source, String id) {
		assertThat(line.get("recommendation").get("source").asString()).as(line.toString()).isEqualTo(source);
		assertThat(line.get("recommendation").get("id").asString()).as(line.toString()).isEqualTo(id);
	}

	private static void assertEventLine(JsonNode line, String source, String id) {
		assertThat(line.get("recommendationSource").asString()).as(line.toString()).isEqualTo(source);
		assertThat(line.get("recommendationId").asString()).as(line.toString()).isEqualTo(id);
	}

	/** The line of an order (as the API shows it) for a product. */
	private static JsonNode line(JsonNode order, Product product) {
		return find(order.get("lines"), product);
	}

	/** The line of an {@code OrderPlaced}'s data for a product. */
	private static JsonNode eventLine(JsonNode placed, Product product) {
		return find(placed.get("lines"), product);
	}

	private static JsonNode find(JsonNode lines, Product product) {
		for (JsonNode line : lines) {
			if (product.id().toString().equals(line.get("productId").asString())) {
				return line;
			}
		}
		throw new AssertionError("No line for " + product.id() + " in " + lines);
	}

	/** An item as {@link #item}, sent with the recommendation that led to it. */
	private static Map<String, Object> recommended(Product product, int quantity, String source, String id) {
		Map<String, Object> body = new LinkedHashMap<>(item(product, quantity));
		body.put("recommendation", Map.of("source", source, "id", id));
		return body;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

}
