package com.emporium.payment.payments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.payment.PaymentServiceIntegrationTest;
import com.emporium.payment.processor.SimulatedCardProcessor;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /payments}: a customer pays an order whose payment is pending. */
class PayTests extends PaymentServiceIntegrationTest {

	@Test
	void aCustomerPaysAPendingOrderOnceAndTheSameKeyReplaysTheAnswer() {
		Order order = pendingOrder("35.50", "EUR");
		Map<String, Object> body = body(order, SimulatedCardProcessor.SUCCEEDS);
		String key = UUID.randomUUID().toString();

		RestTestClient.ResponseSpec response = pay(order.customer().token(), key, body);
		String text = response.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(text).doesNotContain(SimulatedCardProcessor.SUCCEEDS, "\"123\"");
		JsonNode payment = json(text);
		assertThat(payment.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(payment.get("method").asString()).isEqualTo("CARD");
		assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("35.50");
		assertThat(payment.get("card").get("brand").asString()).isEqualTo("visa");
		assertThat(payment.get("card").get("last4").asString()).isEqualTo("4242");
		JsonNode event = awaitEvent(SUCCEEDED, order.id().toString(), any -> true).get("data");
		assertThat(event.get("paymentId").asString()).isEqualTo(payment.get("id").asString());

		pay(order.customer().token(), key, body).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(payment.get("id").asString());
		Map<String, Object> other = new HashMap<>(body);
		other.put("card", card("5555555555554444", "123"));
		problem(pay(order.customer().token(), key, other), 422, "idempotency-key-reused", null);
		problem(pay(order.customer().token(), UUID.randomUUID().toString(), body), 409, "payment-not-payable", null);
		assertThat(simulator().capturesOf(order.id())).isEqualTo(1);
		assertThat(count("""
				SELECT count(*) FROM payments p JOIN payment_keys k ON k.payment_id = p.id
				WHERE p.order_id = ? AND (p::text LIKE '%4242424242424242%' OR k::text LIKE '%4242424242424242%')""",
				order.id()))
			.as("no full card number stored")
			.isZero();
	}

	@Test
	void concurrentRequestsWithOneKeyChargeOnceAndAllGetThePayment() throws Exception {
		Order order = pendingOrder("12.00", "EUR");
		Map<String, Object> body = body(order, SimulatedCardProcessor.SUCCEEDS);
		String key = UUID.randomUUID().toString();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<JsonNode>> answers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			answers.add(pool.submit(() -> body(pay(order.customer().token(), key, body), 200)));
		}
		Set<String> ids = new HashSet<>();
		for (Future<JsonNode> answer : answers) {
			ids.add(answer.get().get("id").asString());
		}
		pool.shutdown();
		assertThat(ids).hasSize(1);
		assertThat(simulator().capturesOf(order.id())).isEqualTo(1);
	}

	@Test
	void aDeclinedCardLeavesThePaymentPendingForAnotherCard() throws Exception {
		Order order = pendingOrder("20.00", "EUR");
		String key = UUID.randomUUID().toString();
		JsonNode declined = problem(pay(order.customer().token(), key, body(order, SimulatedCardProcessor.DECLINES)),
				402, "card-declined", null);
		assertThat(declined.get("declineCode").asString()).isEqualTo("insufficient_funds");
		problem(pay(order.customer().token(), key, body(order, SimulatedCardProcessor.DECLINES)), 402, "card-declined",
				null);
		JsonNode pending = body(get("/api/v1/payments?orderId=" + order.id(), order.customer().token()), 200)
			.get("items")
			.get(0);
		assertThat(pending.get("status").asString()).isEqualTo("PENDING");
		assertThat(pending.get("failureReason").asString()).contains("insufficient_funds");

		JsonNode paid = body(pay(order.customer().token(), UUID.randomUUID().toString(),
				body(order, SimulatedCardProcessor.SUCCEEDS)), 200);
		assertThat(paid.get("status").asString()).isEqualTo("SUCCEEDED");
		Thread.sleep(300);
		assertThat(eventsFor(FAILED, order.id().toString())).isZero();
	}

	@Test
	void noAnswerFromTheProcessorKeepsNothingAndTheSameKeyMayBeRetried() {
		Order order = pendingOrder("18.00", "EUR");
		String key = UUID.randomUUID().toString();
		Map<String, Object> body = body(order, SimulatedCardProcessor.NEEDS_RETRY);
		problem(pay(order.customer().token(), key, body), 503, "processor-unavailable", null);
		assertThat(count("SELECT count(*) FROM payment_keys WHERE customer_id = ?", order.customer().id())).isZero();
		assertThat(body(pay(order.customer().token(), key, body), 200).get("status").asString())
			.isEqualTo("SUCCEEDED");
		assertThat(simulator().capturesOf(order.id())).isEqualTo(1);

		Order slow = pendingOrder("18.00", "EUR");
		problem(pay(slow.customer().token(), UUID.randomUUID().toString(), body(slow, SimulatedCardProcessor.TIMES_OUT)),
				503, "processor-unavailable", null);
		assertThat(count("SELECT count(*) FROM payments WHERE order_id = ? AND status = 'PENDING'", slow.id()))
			.isEqualTo(1);
	}

	@Test
	void onlyTheOrdersCustomerPaysAndOnlyWhatIsPending() {
		Order order = pendingOrder("10.00", "EUR");
		Map<String, Object> body = body(order, SimulatedCardProcessor.SUCCEEDS);
		problem(send(HttpMethod.POST, "/api/v1/payments", null, body, Map.of("Idempotency-Key", "k")), 401,
				"unauthenticated", null);
		problem(pay(Customer.create().token(), UUID.randomUUID().toString(), body), 404, "not-found", null);
		Map<String, Object> unknown = new HashMap<>(body);
		unknown.put("orderId", UUID.randomUUID().toString());
		problem(pay(order.customer().token(), UUID.randomUUID().toString(), unknown), 404, "not-found", null);

		Order cash = Order.of(Customer.create(), "10.00", "EUR", "CASH_ON_DELIVERY");
		request(cash);
		awaitPayment(cash, "PENDING");
		problem(pay(cash.customer().token(), UUID.randomUUID().toString(), body(cash, SimulatedCardProcessor.SUCCEEDS)),
				409, "payment-not-payable", null);
		Order card = Order.of(Customer.create(), "10.00", "EUR", "CARD");
		request(card);
		awaitPayment(card, "SUCCEEDED");
		problem(pay(card.customer().token(), UUID.randomUUID().toString(), body(card, SimulatedCardProcessor.SUCCEEDS)),
				409, "payment-not-payable", null);
	}

	@Test
	void badInputNamesTheFieldAndWritesNothing() {
		Order order = pendingOrder("10.00", "EUR");
		String token = order.customer().token();
		Map<String, Object> good = body(order, SimulatedCardProcessor.SUCCEEDS);
		problem(send(HttpMethod.POST, "/api/v1/payments", token, good, Map.of()), 400, "validation-failed",
				"Idempotency-Key");
		assertBad(token, with(good, "card", card("4242424242424241", "123")), "#/card/number");
		assertBad(token, with(good, "card", Map.of("number", "4242424242424242", "expMonth", 1, "expYear", 2020,
				"cvc", "123")), "#/card/expYear");
		assertBad(token, with(good, "card", Map.of("number", "4242424242424242", "expMonth", 13, "expYear", 2090,
				"cvc", "123")), "#/card/expMonth");
		assertBad(token, with(good, "card", card(SimulatedCardProcessor.SUCCEEDS, "12")), "#/card/cvc");
		assertBad(token, with(good, "amount", "9.99"), "#/amount");
		assertBad(token, with(good, "amount", "10.001"), "#/amount");
		assertBad(token, with(good, "amount", -1), "#/amount");
		assertBad(token, with(good, "amount", "ten"), "#/amount");
		assertBad(token, with(good, "currency", "USD"), "#/currency");
		assertBad(token, with(good, "currency", "XYZ"), "#/currency");
		assertBad(token, with(good, "method", "BANK_TRANSFER"), "#/method");
		assertBad(token, with(good, "method", "CHEQUE"), "#/method");
		assertBad(token, with(good, "paymentMethod", "pm_card_visa"), "#/card");
		assertBad(token, with(good, "orderId", null), "#/orderId");
		problem(pay(token, UUID.randomUUID().toString(), "{\"orderId\": "), 400, "malformed-request", null);

		assertThat(count("SELECT count(*) FROM payment_keys WHERE customer_id = ?", order.customer().id())).isZero();
		assertThat(count("SELECT count(*) FROM payments WHERE order_id = ? AND status = 'PENDING' AND attempts = 0",
				order.id()))
			.isEqualTo(1);
	}

	@Test
	void yenHaveNoDecimals() {
		Order order = pendingOrder("1200", "JPY");
		assertBad(order.customer().token(), with(body(order, SimulatedCardProcessor.SUCCEEDS), "amount", "1200.5"),
				"#/amount");
		JsonNode paid = body(pay(order.customer().token(), UUID.randomUUID().toString(),
				body(order, SimulatedCardProcessor.SUCCEEDS)), 200);
		assertThat(paid.get("amount").toString()).isEqualTo("1200");
	}

	private void assertBad(String token, Map<String, Object> body, String pointer) {
		problem(pay(token, UUID.randomUUID().toString(), body), 400, "validation-failed", pointer);
	}

	private RestTestClient.ResponseSpec pay(String token, String key, Object body) {
		return send(HttpMethod.POST, "/api/v1/payments", token, body, Map.of("Idempotency-Key", key));
	}

	static Map<String, Object> body(Order order, String cardNumber) {
		Map<String, Object> body = new HashMap<>();
		body.put("orderId", order.id().toString());
		body.put("amount", order.amount());
		body.put("currency", order.currency());
		body.put("method", "CARD");
		body.put("card", card(cardNumber, "123"));
		return body;
	}

	static Map<String, Object> card(String number, String cvc) {
		return Map.of("number", number, "expMonth", 12, "expYear", 2090, "cvc", cvc);
	}

	private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		Map<String, Object> changed = new HashMap<>(body);
		changed.put(field, value);
		return changed;
	}

}
