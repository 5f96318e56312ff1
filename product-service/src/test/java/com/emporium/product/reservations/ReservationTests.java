package com.emporium.product.reservations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.events.EventEnvelope;
import com.emporium.platform.test.KafkaTopics;
import com.emporium.product.OrderEventJson;
import com.emporium.product.OrderEventJson.Line;
import com.emporium.product.ProductServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ReservationTests extends ProductServiceIntegrationTest {

	static final String RESERVED = "emporium.product.stock-reserved.v1";

	static final String FAILED = "emporium.product.stock-reservation-failed.v1";

	static final String RELEASED = "emporium.product.stock-released.v1";

	static final UUID CUSTOMER_ID = UUID.randomUUID();

	@Autowired
	StockReservations reservations;

	@Test
	void fiftyBuyersForTheLastTenUnitsGetExactlyTenReservations() throws Exception {
		Item item = item(10);
		Set<String> orders = new HashSet<>();
		List<CompletableFuture<Void>> sends = new ArrayList<>();
		try (ExecutorService buyers = Executors.newFixedThreadPool(10)) {
			for (int i = 0; i < 50; i++) {
				UUID order = UUID.randomUUID();
				orders.add(order.toString());
				sends.add(CompletableFuture.runAsync(() -> KafkaTopics.send(OrderEventJson.PLACED, order.toString(),
						OrderEventJson.placed(order, CUSTOMER_ID, item.line(1))), buyers));
			}
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
		}
		List<KafkaTopics.Record> reserved = KafkaTopics.awaitRecords(RESERVED, record -> orders.contains(record.key()),
				10, Duration.ofSeconds(60));
		List<KafkaTopics.Record> failed = KafkaTopics.awaitRecords(FAILED, record -> orders.contains(record.key()), 40,
				Duration.ofSeconds(60));
		// Every order has its answer now: no eleventh reservation came, and each answer names its order.
		assertThat(KafkaTopics.readAll(RESERVED).stream().filter(record -> orders.contains(record.key()))).hasSize(10);
		assertThat(reserved.stream().map(KafkaTopics.Record::key).distinct()).hasSize(10);
		JsonNode shortage = json(failed.get(0).value()).get("data").get("lines").get(0);
		assertThat(shortage.get("productId").asString()).isEqualTo(item.productId());
		assertThat(shortage.get("requested").asInt()).isOne();
		assertThat(shortage.get("available").asInt()).isZero();
		assertThat(stock(item)).isZero();
		assertThat(count("SELECT count(*) FROM stock_reservations WHERE status = 'RESERVED' AND order_id::text = ANY(?)",
				(Object) orders.toArray(String[]::new))).isEqualTo(10);
		assertThat(count("SELECT count(*) FROM product_variants WHERE stock < 0")).isZero();
	}

	@Test
	void fiftyReservationsAtOnceInTheDatabaseNeverOversell() {
		// Kafka hands one partition's records to one thread; here 50 transactions really overlap.
		Item item = item(10);
		List<CompletableFuture<Void>> buyers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
			for (int i = 0; i < 50; i++) {
				UUID order = UUID.randomUUID();
				EventEnvelope<OrderEvents.OrderPlaced> event = new EventEnvelope<>("1.0", UUID.randomUUID(), "OrderPlaced",
						"order-service", order.toString(), Instant.now(), "application/json",
						new OrderEvents.OrderPlaced(order, List.of(new OrderEvents.OrderPlaced.Line(
								UUID.fromString(item.productId()), item.sku(), 1))));
				buyers.add(CompletableFuture.runAsync(() -> this.reservations.placed(event), pool));
			}
			CompletableFuture.allOf(buyers.toArray(CompletableFuture[]::new)).join();
		}
		assertThat(stock(item)).isZero();
		assertThat(count("SELECT count(*) FROM stock_reservation_lines WHERE sku = ?", item.sku())).isEqualTo(10);
	}

	@Test
	void aConfirmedReservationIsSoldAndACancelledOneComesBack() {
		Item item = item(5);
		UUID sold = UUID.randomUUID();
		UUID cancelled = UUID.randomUUID();
		place(sold, item.line(2));
		place(cancelled, item.line(1));
		awaitKey(RESERVED, sold);
		JsonNode reserved = awaitKey(RESERVED, cancelled);
		assertThat(Instant.parse(reserved.get("data").get("expiresAt").asString()))
			.isAfter(Instant.now().plus(Duration.ofMinutes(14)));
		assertThat(stock(item)).isEqualTo(2);
		awaitEvent("emporium.product.stock-changed.v1", item.productId(),
				event -> event.get("data").get("available").asInt() == 2);

		// Confirmed twice (two events): sold once, the stock stays taken.
		KafkaTopics.send(OrderEventJson.CONFIRMED, sold.toString(), OrderEventJson.confirmed(sold, CUSTOMER_ID));
		KafkaTopics.send(OrderEventJson.CONFIRMED, sold.toString(), OrderEventJson.confirmed(sold, CUSTOMER_ID));
		KafkaTopics.send(OrderEventJson.CANCELLED, cancelled.toString(),
				OrderEventJson.cancelled(cancelled, CUSTOMER_ID));
		JsonNode released = awaitKey(RELEASED, cancelled);
		assertThat(released.get("data").get("reason").asString()).isEqualTo("order cancelled");
		awaitStatus(sold, "SOLD");
		assertThat(stock(item)).isEqualTo(3);

		// A sold order cancelled before shipping gives its stock back too.
		KafkaTopics.send(OrderEventJson.CANCELLED, sold.toString(), OrderEventJson.cancelled(sold, CUSTOMER_ID));
		awaitKey(RELEASED, sold);
		assertThat(stock(item)).isEqualTo(5);
		// A second cancellation changes nothing.
		KafkaTopics.send(OrderEventJson.CANCELLED, sold.toString(), OrderEventJson.cancelled(sold, CUSTOMER_ID));
		UUID marker = UUID.randomUUID();
		place(marker, item.line(1));
		awaitKey(RESERVED, marker);
		assertThat(stock(item)).isEqualTo(4);
		assertThat(KafkaTopics.readAll(RELEASED).stream().filter(record -> record.key().equals(sold.toString())))
			.hasSize(1);
	}

	@Test
	void aCancellationBeforeItsOrderAndADuplicateOrderReserveNothingMore() {
		Item item = item(5);
		UUID early = UUID.randomUUID();
		KafkaTopics.send(OrderEventJson.CANCELLED, early.toString(), OrderEventJson.cancelled(early, CUSTOMER_ID));
		awaitStatus(early, "CANCELLED");
		place(early, item.line(2));

		UUID twice = UUID.randomUUID();
		String placed = OrderEventJson.placed(twice, CUSTOMER_ID, item.line(1));
		KafkaTopics.send(OrderEventJson.PLACED, twice.toString(), placed);
		KafkaTopics.send(OrderEventJson.PLACED, twice.toString(), placed);
		place(twice, item.line(1));
		awaitKey(RESERVED, twice);
		UUID marker = UUID.randomUUID();
		place(marker, item.line(1));
		awaitKey(RESERVED, marker);

		assertThat(stock(item)).isEqualTo(3);
		assertThat(KafkaTopics.readAll(RESERVED).stream().filter(record -> record.key().equals(twice.toString())))
			.hasSize(1);
		assertThat(KafkaTopics.readAll(RESERVED).stream().filter(record -> record.key().equals(early.toString())))
			.isEmpty();
		assertThat(status(early)).isEqualTo("CANCELLED");
	}

	@Test
	void anOrderWithOneShortLineReservesNothing() {
		Item plenty = item(5);
		Item scarce = item(2);
		UUID order = UUID.randomUUID();
		place(order, plenty.line(1), scarce.line(3), new Line(plenty.productId(), "NO-SUCH-" + unique(), 1));
		JsonNode failed = awaitKey(FAILED, order);
		JsonNode lines = failed.get("data").get("lines");
		assertThat(lines.size()).isEqualTo(2);
		assertThat(lines.get(0).get("sku").asString()).isEqualTo(scarce.sku());
		assertThat(lines.get(0).get("requested").asInt()).isEqualTo(3);
		assertThat(lines.get(0).get("available").asInt()).isEqualTo(2);
		assertThat(lines.get(1).get("available").asInt()).isZero();
		assertThat(stock(plenty)).isEqualTo(5);
		assertThat(stock(scarce)).isEqualTo(2);
		assertThat(status(order)).isEqualTo("FAILED");

		// Two lines of one variant count together.
		UUID doubled = UUID.randomUUID();
		place(doubled, scarce.line(1), scarce.line(2));
		awaitKey(FAILED, doubled);
		assertThat(stock(scarce)).isEqualTo(2);
	}

	@Test
	void unpaidReservationsExpireOnceEvenWithTwoInstancesAtIt() {
		Item item = item(4);
		UUID order = UUID.randomUUID();
		place(order, item.line(3));
		awaitKey(RESERVED, order);
		assertThat(stock(item)).isOne();
		assertThat(this.reservations.expire(Instant.now(), 100)).as("not due yet").isZero();

		Instant later = Instant.now().plus(Duration.ofMinutes(16));
		CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> this.reservations.expire(later, 100));
		CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> this.reservations.expire(later, 100));
		assertThat(one.join() + two.join()).isPositive();
		JsonNode released = awaitKey(RELEASED, order);
		assertThat(released.get("data").get("reason").asString()).isEqualTo("reservation expired");
		assertThat(stock(item)).isEqualTo(4);
		assertThat(status(order)).isEqualTo("RELEASED");

		// Paid too late: nothing is sold, nothing moves.
		KafkaTopics.send(OrderEventJson.CONFIRMED, order.toString(), OrderEventJson.confirmed(order, CUSTOMER_ID));
		UUID marker = UUID.randomUUID();
		place(marker, item.line(1));
		awaitKey(RESERVED, marker);
		assertThat(status(order)).isEqualTo("RELEASED");
		assertThat(stock(item)).isEqualTo(3);
	}

	@Test
	void anOrderWithoutLinesGoesToTheDeadLetterTopic() {
		UUID order = UUID.randomUUID();
		KafkaTopics.send(OrderEventJson.PLACED, order.toString(), OrderEventJson.envelope("OrderPlaced", order,
				Map.of("orderId", order.toString(), "customerId", CUSTOMER_ID.toString())));
		KafkaTopics.Record dead = KafkaTopics.awaitRecord(OrderEventJson.PLACED + "-dlt",
				record -> order.toString().equals(record.key()), Duration.ofSeconds(30));
		assertThat(dead.header("kafka_dlt-exception-message")).contains("lacks");
		assertThat(status(order)).isNull();
	}

	/** A product with one variant and this stock. */
	private Item item(int stock) {
		Vendor vendor = Vendor.create();
		String sku = "RSV-" + unique();
		String id = createProduct(vendor.token(), product(openStore(vendor.token()),
				Map.of("variants", List.of(Map.of("sku", sku, "stock", stock)))))
			.get("id")
			.asString();
		return new Item(id, sku);
	}

	private record Item(String productId, String sku) {

		Line line(int quantity) {
			return new Line(this.productId, this.sku, quantity);
		}

	}

	private static void place(UUID order, Line... lines) {
		KafkaTopics.send(OrderEventJson.PLACED, order.toString(), OrderEventJson.placed(order, CUSTOMER_ID, lines));
	}

	private static JsonNode awaitKey(String topic, UUID order) {
		return awaitEvent(topic, order.toString(), event -> true);
	}

	private int stock(Item item) {
		return body(get("/api/v1/products/" + item.productId(), null), 200).get("variants").get(0).get("stock").asInt();
	}

	private String status(UUID order) {
		return this.jdbc.queryForList("SELECT status FROM stock_reservations WHERE order_id = ?", String.class, order)
			.stream()
			.findFirst()
			.orElse(null);
	}

	private void awaitStatus(UUID order, String status) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> status.equals(status(order)));
	}

}
