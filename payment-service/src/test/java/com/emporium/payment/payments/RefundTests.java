package com.emporium.payment.payments;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.payment.PaymentServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /payments/{id}/refunds}: staff give money back, never more than was captured. */
class RefundTests extends PaymentServiceIntegrationTest {

	@Test
	void partialThenFullRefundsPublishPaymentRefunded() {
		Order order = Order.of(Customer.create(), "50.00", "EUR", "CARD");
		request(order);
		UUID id = awaitPayment(order, "SUCCEEDED");

		JsonNode partial = body(post(refunds(id), MANAGER, Map.of("amount", "20.00", "reason", "damaged box")), 201);
		assertThat(partial.get("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
		assertThat(partial.get("refundedAmount").decimalValue()).isEqualByComparingTo("20.00");
		assertThat(partial.get("refundable").decimalValue()).isEqualByComparingTo("30.00");
		String refundId = partial.get("refunds").get(0).get("id").asString();
		JsonNode event = awaitEvent(REFUNDED, order.id().toString(), any -> true).get("data");
		assertThat(event.get("refundId").asString()).isEqualTo(refundId);
		assertThat(event.get("amount").decimalValue()).isEqualByComparingTo("20.00");
		assertThat(event.get("currency").asString()).isEqualTo("EUR");

		JsonNode full = body(post(refunds(id), ADMIN, Map.of("reason", "customer unhappy")), 201);
		assertThat(full.get("status").asString()).isEqualTo("REFUNDED");
		assertThat(full.get("refunds")).hasSize(2);
		assertThat(full.get("refunds").get(1).get("amount").decimalValue()).isEqualByComparingTo("30.00");
		String processorId = this.jdbc.queryForObject("SELECT processor_id FROM payments WHERE id = ?", String.class,
				id);
		assertThat(simulator().refundedOf(processorId)).isEqualTo(5000);
		problem(post(refunds(id), ADMIN, Map.of("amount", "0.01", "reason", "more")), 422, "refund-exceeds-captured",
				null);
		assertThat(problem(post(refunds(id), ADMIN, Map.of("reason", "all again")), 422, "refund-exceeds-captured",
				null)
			.get("refundable")
			.decimalValue()).isZero();
	}

	@Test
	void aRefundAboveWhatIsLeftNamesTheAmountAndChangesNothing() {
		Order order = Order.of(Customer.create(), "10.00", "EUR", "CARD");
		request(order);
		UUID id = awaitPayment(order, "SUCCEEDED");
		JsonNode problem = problem(post(refunds(id), MANAGER, Map.of("amount", "10.01", "reason", "too much")), 422,
				"refund-exceeds-captured", null);
		assertThat(problem.get("refundable").decimalValue()).isEqualByComparingTo("10.00");
		assertThat(problem.get("detail").asString()).contains("10.00 EUR", "10.01");
		assertThat(count("SELECT count(*) FROM refunds WHERE payment_id = ?", id)).isZero();
		assertThat(body(get("/api/v1/payments/" + id, ADMIN), 200).get("status").asString()).isEqualTo("SUCCEEDED");
	}

	@Test
	void concurrentRefundsNeverAddUpToMoreThanWasCaptured() throws Exception {
		Order order = Order.of(Customer.create(), "20.00", "EUR", "CARD");
		request(order);
		UUID id = awaitPayment(order, "SUCCEEDED");

		ExecutorService pool = Executors.newFixedThreadPool(10);
		List<Future<Integer>> statuses = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			Callable<Integer> refund = () -> post(refunds(id), ADMIN, Map.of("amount", "3.00", "reason", "race"))
				.returnResult(String.class)
				.getStatus()
				.value();
			statuses.add(pool.submit(refund));
		}
		List<Integer> answered = new ArrayList<>();
		for (Future<Integer> status : statuses) {
			answered.add(status.get());
		}
		pool.shutdown();

		assertThat(answered).filteredOn(status -> status == 201).hasSize(6);
		assertThat(answered).filteredOn(status -> status == 422).hasSize(4);
		assertThat(this.jdbc.queryForObject("SELECT sum(amount) FROM refunds WHERE payment_id = ?",
				java.math.BigDecimal.class, id))
			.isEqualByComparingTo("18.00");
		assertThat(body(get("/api/v1/payments/" + id, ADMIN), 200).get("refundable").decimalValue())
			.isEqualByComparingTo("2.00");
	}

	@Test
	void onlyStaffRefundAndOnlyCapturedMoney() {
		Customer ada = Customer.create();
		Order order = Order.of(ada, "10.00", "EUR", "CARD");
		request(order);
		UUID id = awaitPayment(order, "SUCCEEDED");
		problem(post(refunds(id), ada.token(), Map.of("reason", "mine")), 403, "forbidden", null);
		problem(post(refunds(id), null, Map.of("reason", "anyone")), 401, "unauthenticated", null);
		problem(post(refunds(UUID.randomUUID()), ADMIN, Map.of("reason", "who")), 404, "not-found", null);

		Order pending = Order.of(Customer.create(), "10.00", "EUR", "BANK_TRANSFER");
		request(pending);
		UUID pendingId = awaitPayment(pending, "PENDING");
		problem(post(refunds(pendingId), ADMIN, Map.of("reason", "nothing")), 409, "payment-not-refundable", null);
		Order cash = Order.of(Customer.create(), "10.00", "EUR", "CASH_ON_DELIVERY");
		request(cash);
		UUID cashId = awaitPayment(cash, "PENDING");
		problem(post(refunds(cashId), ADMIN, Map.of("reason", "cash")), 409, "payment-not-refundable", null);
	}

	@Test
	void badInputIsNamed() {
		Order order = Order.of(Customer.create(), "10.00", "EUR", "CARD");
		request(order);
		UUID id = awaitPayment(order, "SUCCEEDED");
		problem(post(refunds(id), ADMIN, Map.of("amount", "5.00")), 400, "validation-failed", "#/reason");
		problem(post(refunds(id), ADMIN, Map.of("amount", "0", "reason", "zero")), 400, "validation-failed",
				"#/amount");
		problem(post(refunds(id), ADMIN, Map.of("amount", "-1", "reason", "minus")), 400, "validation-failed",
				"#/amount");
		problem(post(refunds(id), ADMIN, Map.of("amount", "1.005", "reason", "cents")), 400, "validation-failed",
				"#/amount");
		problem(post(refunds(id), ADMIN, Map.of("amount", "lots", "reason", "cents")), 400, "validation-failed",
				"#/amount");
		problem(post(refunds(id), ADMIN, Map.of("reason", "x".repeat(501))), 400, "validation-failed", "#/reason");
		problem(post(refunds(id), ADMIN, "{"), 400, "malformed-request", null);
		problem(post("/api/v1/payments/nope/refunds", ADMIN, Map.of("reason", "id")), 400, "validation-failed", "id");
		assertThat(count("SELECT count(*) FROM refunds WHERE payment_id = ?", id)).isZero();
	}

	private static String refunds(UUID paymentId) {
		return "/api/v1/payments/" + paymentId + "/refunds";
	}

}
