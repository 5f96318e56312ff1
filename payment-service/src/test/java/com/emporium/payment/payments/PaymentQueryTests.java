package com.emporium.payment.payments;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.payment.PaymentServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /payments} and {@code GET /payments/{id}}: customers see theirs, staff see all. */
class PaymentQueryTests extends PaymentServiceIntegrationTest {

	@Test
	void customersSeeTheirOwnPaymentsNewestFirst() {
		Customer ada = Customer.create();
		Order first = Order.of(ada, "10.00", "EUR", "CARD");
		request(first);
		awaitPayment(first, "SUCCEEDED");
		Order second = Order.of(ada, "20.00", "EUR", "BANK_TRANSFER");
		request(second);
		awaitPayment(second, "PENDING");
		Order others = Order.of(Customer.create(), "30.00", "EUR", "CARD");
		request(others);
		awaitPayment(others, "SUCCEEDED");

		JsonNode page = body(get("/api/v1/payments", ada.token()), 200);
		assertThat(page.get("totalItems").asLong()).isEqualTo(2);
		assertThat(page.get("items")).extracting(item -> item.get("orderId").asString())
			.containsExactly(second.id().toString(), first.id().toString());
		JsonNode pending = body(get("/api/v1/payments?status=PENDING", ada.token()), 200);
		assertThat(pending.get("items")).extracting(item -> item.get("orderId").asString())
			.containsExactly(second.id().toString());
		JsonNode sized = body(get("/api/v1/payments?size=1&page=1", ada.token()), 200);
		assertThat(sized.get("items")).hasSize(1);
		assertThat(sized.get("totalPages").asInt()).isEqualTo(2);

		problem(get("/api/v1/payments?customerId=" + others.customer().id(), ada.token()), 403, "forbidden", null);
		assertThat(body(get("/api/v1/payments?customerId=" + ada.id(), ada.token()), 200).get("totalItems").asLong())
			.isEqualTo(2);
	}

	@Test
	void staffSeeEveryPaymentWithFilters() {
		Customer ada = Customer.create();
		Order order = Order.of(ada, "10.00", "EUR", "WALLET");
		request(order);
		awaitPayment(order, "SUCCEEDED");

		JsonNode byCustomer = body(get("/api/v1/payments?customerId=" + ada.id(), MANAGER), 200);
		assertThat(byCustomer.get("items")).extracting(item -> item.get("orderId").asString())
			.containsExactly(order.id().toString());
		JsonNode byOrder = body(get("/api/v1/payments?orderId=" + order.id() + "&method=WALLET&status=SUCCEEDED",
				ADMIN), 200);
		assertThat(byOrder.get("totalItems").asLong()).isEqualTo(1);
		assertThat(body(get("/api/v1/payments?orderId=" + order.id() + "&method=CARD", ADMIN), 200).get("totalItems")
			.asLong()).isZero();
		assertThat(body(get("/api/v1/payments?from=2000-01-01T00:00:00Z", ADMIN), 200).get("totalItems").asLong())
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void aPaymentIsSeenByItsCustomerAndStaffOnly() {
		Customer ada = Customer.create();
		Order order = Order.of(ada, "10.00", "EUR", "CARD");
		request(order);
		String id = awaitPayment(order, "SUCCEEDED").toString();

		JsonNode payment = body(get("/api/v1/payments/" + id, ada.token()), 200);
		assertThat(payment.get("orderNumber").asString()).isEqualTo(order.number());
		assertThat(payment.get("customerId").asString()).isEqualTo(ada.id().toString());
		assertThat(payment.get("refundable").decimalValue()).isEqualByComparingTo("10.00");
		assertThat(payment.get("refunds")).isEmpty();
		body(get("/api/v1/payments/" + id, MANAGER), 200);
		body(get("/api/v1/payments/" + id, ADMIN), 200);
		problem(get("/api/v1/payments/" + id, Customer.create().token()), 404, "not-found", null);
		problem(get("/api/v1/payments/" + id, null), 401, "unauthenticated", null);
		problem(get("/api/v1/payments/" + UUID.randomUUID(), ADMIN), 404, "not-found", null);
	}

	@Test
	void badParametersAreNamed() {
		String token = Customer.create().token();
		problem(get("/api/v1/payments/42", token), 400, "validation-failed", "id");
		problem(get("/api/v1/payments?status=LOST", token), 400, "validation-failed", "status");
		problem(get("/api/v1/payments?size=0", token), 400, "validation-failed", "size");
		problem(get("/api/v1/payments?size=101", token), 400, "validation-failed", "size");
		problem(get("/api/v1/payments?orderId=nope", token), 400, "validation-failed", "orderId");
		problem(get("/api/v1/payments?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", ADMIN), 400,
				"validation-failed", "to");
	}

}
