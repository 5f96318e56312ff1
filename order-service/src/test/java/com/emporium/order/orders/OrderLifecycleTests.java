package com.emporium.order.orders;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.order.OrderServiceIntegrationTest;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class OrderLifecycleTests extends OrderServiceIntegrationTest {

	@Test
	void customersListTheirOwnOrdersNewestFirstFilteredAndPaged() {
		Customer ada = Customer.create();
		String first = placeOrder(ada, "10.00", 1).get("id").asString();
		String second = placeOrder(ada, "10.00", 2).get("id").asString();
		String third = placeOrder(ada, "10.00", 3).get("id").asString();
		placeOrder(Customer.create(), "10.00", 1);
		body(post("/api/v1/orders/" + second + "/cancellation", ada.token(), null), 200);

		JsonNode all = body(get("/api/v1/orders", ada.token()), 200);
		assertThat(all.get("totalItems").asLong()).isEqualTo(3);
		assertThat(all.get("items")).extracting(order -> order.get("id").asString())
			.containsExactly(third, second, first);
		assertThat(all.get("items").get(0).get("itemCount").asInt()).isEqualTo(3);
		JsonNode page = body(get("/api/v1/orders?size=2&page=1", ada.token()), 200);
		assertThat(page.get("totalPages").asInt()).isEqualTo(2);
		assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(first);
		JsonNode cancelled = body(get("/api/v1/orders?status=CANCELLED", ada.token()), 200);
		assertThat(cancelled.get("items")).extracting(order -> order.get("id").asString()).containsExactly(second);

		problem(get("/api/v1/orders?status=LOST", ada.token()), 400, "validation-failed", "status");
		problem(get("/api/v1/orders?size=0", ada.token()), 400, "validation-failed", "size");
		problem(get("/api/v1/orders", null), 401, "unauthenticated", null);
	}

	@Test
	void customersCancelBeforeShippingAndPaidOrdersAreRefunded() {
		Customer ada = Customer.create();
		String pending = placeOrder(ada, "10.00", 1).get("id").asString();
		problem(post("/api/v1/orders/" + pending + "/cancellation", Customer.create().token(), Map.of()), 404,
				"not-found", null);
		JsonNode cancelled = body(post("/api/v1/orders/" + pending + "/cancellation", ada.token(),
				Map.of("reason", "Changed my mind")), 200);
		assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("cancellationReason").asString()).isEqualTo("Changed my mind");
		assertThat(awaitEvent("emporium.order.order-cancelled.v1", pending, any -> true).get("data")
			.get("refund")
			.asBoolean()).isFalse();
		problem(post("/api/v1/orders/" + pending + "/cancellation", ada.token(), null), 409,
				"illegal-status-transition", null);

		String paid = confirmedOrder(ada);
		JsonNode refunded = body(post("/api/v1/orders/" + paid + "/cancellation", ada.token(), null), 200);
		assertThat(refunded.get("refundDue").asBoolean()).isTrue();
		assertThat(awaitEvent("emporium.order.order-cancelled.v1", paid, any -> true).get("data")
			.get("refund")
			.asBoolean()).isTrue();

		String shipped = confirmedOrder(ada);
		body(send(HttpMethod.PUT, "/api/v1/admin/orders/" + shipped + "/status", MANAGER,
				Map.of("status", "SHIPPED", "note", "Tracking 1Z999"), Map.of()), 200);
		JsonNode refused = problem(post("/api/v1/orders/" + shipped + "/cancellation", ada.token(), null), 409,
				"illegal-status-transition", null);
		assertThat(refused.get("from").asString()).isEqualTo("SHIPPED");
		assertThat(refused.get("to").asString()).isEqualTo("CANCELLED");
		problem(post("/api/v1/orders/" + shipped + "/cancellation", ada.token(), Map.of("reason", "r".repeat(501))),
				400, "validation-failed", "#/reason");
	}

	@Test
	void staffMoveOrdersAlongTheLifecycleOnly() {
		Customer ada = Customer.create();
		String id = confirmedOrder(ada);
		String path = "/api/v1/admin/orders/" + id + "/status";

		body(send(HttpMethod.PUT, path, ADMIN, Map.of("status", "PROCESSING"), Map.of()), 200);
		body(send(HttpMethod.PUT, path, MANAGER, Map.of("status", "SHIPPED", "note", "Tracking 1Z999"), Map.of()),
				200);
		JsonNode shipped = awaitEvent("emporium.order.order-shipped.v1", id, any -> true).get("data");
		assertThat(shipped.get("note").asString()).isEqualTo("Tracking 1Z999");
		JsonNode illegal = problem(send(HttpMethod.PUT, path, MANAGER, Map.of("status", "PENDING"), Map.of()), 409,
				"illegal-status-transition", null);
		assertThat(illegal.get("detail").asString()).contains("SHIPPED", "PENDING");
		JsonNode delivered = body(send(HttpMethod.PUT, path, MANAGER, Map.of("status", "DELIVERED"), Map.of()), 200);
		awaitEvent("emporium.order.order-delivered.v1", id, any -> true);
		assertThat(delivered.get("history")).extracting(change -> change.get("to").asString())
			.containsExactly("PENDING", "AWAITING_PAYMENT", "CONFIRMED", "PROCESSING", "SHIPPED", "DELIVERED");
		assertThat(delivered.get("history").get(4).get("note").asString()).isEqualTo("Tracking 1Z999");
		body(send(HttpMethod.PUT, path, MANAGER, Map.of("status", "REFUNDED"), Map.of()), 200);

		String unpaid = placeOrder(ada, "10.00", 1).get("id").asString();
		String unpaidPath = "/api/v1/admin/orders/" + unpaid + "/status";
		problem(send(HttpMethod.PUT, unpaidPath, MANAGER, Map.of("status", "SHIPPED"), Map.of()), 409,
				"illegal-status-transition", null);
		body(send(HttpMethod.PUT, unpaidPath, MANAGER, Map.of("status", "CANCELLED"), Map.of()), 200);
		problem(send(HttpMethod.PUT, unpaidPath, MANAGER, Map.of("status", "REFUNDED"), Map.of()), 409,
				"illegal-status-transition", null);
		problem(send(HttpMethod.PUT, unpaidPath, MANAGER, Map.of("status", "LOST"), Map.of()), 400,
				"validation-failed", "#/status");
		problem(send(HttpMethod.PUT, unpaidPath, MANAGER, Map.of(), Map.of()), 400, "validation-failed", "#/status");
		problem(send(HttpMethod.PUT, "/api/v1/admin/orders/" + UUID.randomUUID() + "/status", MANAGER,
				Map.of("status", "SHIPPED"), Map.of()), 404, "not-found", null);
		problem(send(HttpMethod.PUT, unpaidPath, ada.token(), Map.of("status", "SHIPPED"), Map.of()), 403,
				"forbidden", null);
	}

	@Test
	void staffListEveryOrderWithFilters() {
		Instant before = Instant.now();
		Customer ada = Customer.create();
		String pending = placeOrder(ada, "10.00", 1).get("id").asString();
		String confirmed = confirmedOrder(ada);
		placeOrder(Customer.create(), "10.00", 1);

		JsonNode adas = body(get("/api/v1/admin/orders?customerId=" + ada.id(), MANAGER), 200);
		assertThat(adas.get("items")).extracting(order -> order.get("id").asString())
			.containsExactly(confirmed, pending);
		JsonNode confirmedOnes = body(get("/api/v1/admin/orders?status=CONFIRMED&customerId=" + ada.id(), ADMIN),
				200);
		assertThat(confirmedOnes.get("items")).extracting(order -> order.get("id").asString())
			.containsExactly(confirmed);
		assertThat(body(get("/api/v1/admin/orders?from=" + before + "&size=100", ADMIN), 200).get("totalItems")
			.asLong()).isGreaterThanOrEqualTo(3);
		assertThat(body(get("/api/v1/admin/orders?customerId=" + ada.id() + "&to=" + before, ADMIN), 200)
			.get("totalItems")
			.asLong()).isZero();

		problem(get("/api/v1/admin/orders?from=" + Instant.now() + "&to=" + before, ADMIN), 400, "validation-failed",
				"to");
		problem(get("/api/v1/admin/orders?from=yesterday", ADMIN), 400, "validation-failed", "from");
		problem(get("/api/v1/admin/orders?customerId=ada", ADMIN), 400, "validation-failed", "customerId");
		problem(get("/api/v1/admin/orders", ada.token()), 403, "forbidden", null);
		problem(get("/api/v1/admin/orders", null), 401, "unauthenticated", null);
	}

	/** An order driven through the saga to CONFIRMED, as product-service and payment-service would. */
	private String confirmedOrder(Customer customer) {
		JsonNode placed = placeOrder(customer, "10.00", 1);
		String id = placed.get("id").asString();
		publish("emporium.product.stock-reserved.v1", id, "StockReserved",
				Map.of("orderId", id, "expiresAt", Instant.now().plusSeconds(900).toString()));
		awaitStatus(id, customer.token(), "AWAITING_PAYMENT");
		publish("emporium.payment.payment-succeeded.v1", id, "PaymentSucceeded",
				Map.of("orderId", id, "paymentId", UUID.randomUUID().toString(), "amount",
						placed.get("total").decimalValue().toPlainString(), "currency", "EUR"));
		awaitStatus(id, customer.token(), "CONFIRMED");
		return id;
	}

}
