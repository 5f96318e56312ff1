package com.emporium.payment.payments;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.payment.PaymentServiceIntegrationTest;
import com.emporium.payment.processor.SimulatedCardProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saga through the embedded Kafka with each of the simulator's test cards: PaymentRequested
 * in, PaymentSucceeded or PaymentFailed out.
 */
class SimulatorCardSagaTests extends PaymentServiceIntegrationTest {

	@Test
	void theSuccessCardIsCaptured() {
		Order order = sagaWith(SimulatedCardProcessor.SUCCEEDS);
		JsonNode data = awaitEvent(SUCCEEDED, order.id().toString(), any -> true).get("data");
		assertThat(data.get("amount").decimalValue()).isEqualByComparingTo(order.amount());
		assertThat(simulator().capturesOf(order.id())).isEqualTo(1);
	}

	@Test
	void theDeclineCardFailsThePaymentWithTheReason() {
		Order order = sagaWith(SimulatedCardProcessor.DECLINES);
		JsonNode data = awaitEvent(FAILED, order.id().toString(), any -> true).get("data");
		assertThat(data.get("reason").asString()).isEqualTo("card declined: insufficient_funds");
		UUID paymentId = awaitPayment(order, "FAILED");
		assertThat(data.get("paymentId").asString()).isEqualTo(paymentId.toString());
		assertThat(simulator().capturesOf(order.id())).isZero();
	}

	@Test
	void theRetryCardIsCapturedOnTheSecondTryWithTheSameKey() {
		Order order = sagaWith(SimulatedCardProcessor.NEEDS_RETRY);
		awaitEvent(SUCCEEDED, order.id().toString(), any -> true);
		awaitPayment(order, "SUCCEEDED");
		assertThat(simulator().capturesOf(order.id())).isEqualTo(1);
	}

	@Test
	void theTimeoutCardFailsThePaymentAfterItsTries() {
		Order order = sagaWith(SimulatedCardProcessor.TIMES_OUT);
		JsonNode data = awaitEvent(FAILED, order.id().toString(), any -> true).get("data");
		assertThat(data.get("reason").asString()).isEqualTo("the card processor did not answer");
		awaitPayment(order, "FAILED");
		assertThat(simulator().capturesOf(order.id())).isZero();
	}

	private Order sagaWith(String card) {
		Order order = Order.of(Customer.create(), "33.30", "EUR", "CARD");
		simulator().useCardFor(order.id(), card);
		request(order);
		return order;
	}

}
