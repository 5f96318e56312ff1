package com.emporium.payment.processor;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SimulatedCardProcessorTests {

	private final SimulatedCardProcessor processor = new SimulatedCardProcessor();

	@Test
	void theSuccessCardIsCapturedOncePerIdempotencyKey() {
		Charge charge = charge(SimulatedCardProcessor.SUCCEEDS, "order-1");
		ChargeOutcome first = this.processor.charge(charge);
		ChargeOutcome again = this.processor.charge(charge);

		assertThat(first).isInstanceOfSatisfying(ChargeOutcome.Captured.class, captured -> {
			assertThat(captured.brand()).isEqualTo("visa");
			assertThat(captured.last4()).isEqualTo("4242");
		});
		assertThat(again).isEqualTo(first);
		assertThat(this.processor.capturesOf(charge.orderId())).isEqualTo(1);
	}

	@Test
	void theDeclineCardIsDeclinedForInsufficientFunds() {
		Charge charge = charge(SimulatedCardProcessor.DECLINES, "order-2");
		assertThat(this.processor.charge(charge)).isInstanceOfSatisfying(ChargeOutcome.Declined.class,
				declined -> assertThat(declined.code()).isEqualTo("insufficient_funds"));
		assertThat(this.processor.capturesOf(charge.orderId())).isZero();
	}

	@Test
	void theRetryCardFailsOnceThenSucceedsWithTheSameKey() {
		Charge charge = charge(SimulatedCardProcessor.NEEDS_RETRY, "order-3");
		assertThatExceptionOfType(ProcessorUnavailableException.class).isThrownBy(() -> this.processor.charge(charge))
			.satisfies(ex -> assertThat(ex.timedOut()).isFalse());
		assertThat(this.processor.charge(charge)).isInstanceOf(ChargeOutcome.Captured.class);
	}

	@Test
	void theTimeoutCardNeverAnswersAndCapturesNothing() {
		Charge charge = charge(SimulatedCardProcessor.TIMES_OUT, "order-4");
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(ProcessorUnavailableException.class)
				.isThrownBy(() -> this.processor.charge(charge))
				.satisfies(ex -> assertThat(ex.timedOut()).isTrue());
		}
		assertThat(this.processor.capturesOf(charge.orderId())).isZero();
	}

	@Test
	void tokensNameTheTestCards() {
		Charge declined = new Charge(new BigDecimal("5.00"), "EUR",
				new PaymentSource.Token("pm_card_visa_chargeDeclinedInsufficientFunds"), "k-5", UUID.randomUUID());
		assertThat(this.processor.charge(declined)).isInstanceOf(ChargeOutcome.Declined.class);
		Charge paid = new Charge(new BigDecimal("5.00"), "EUR", new PaymentSource.Token("pm_card_visa"), "k-6",
				UUID.randomUUID());
		assertThat(this.processor.charge(paid)).isInstanceOf(ChargeOutcome.Captured.class);
	}

	@Test
	void refundsNeverExceedWhatWasCaptured() {
		Charge charge = charge(SimulatedCardProcessor.SUCCEEDS, "order-7");
		String paymentId = ((ChargeOutcome.Captured) this.processor.charge(charge)).processorId();

		String refund = this.processor.refund(new RefundRequest(paymentId, new BigDecimal("6.00"), "EUR", "r-1"));
		assertThat(this.processor.refund(new RefundRequest(paymentId, new BigDecimal("6.00"), "EUR", "r-1")))
			.as("same key, same refund")
			.isEqualTo(refund);
		assertThatExceptionOfType(ProcessorUnavailableException.class).isThrownBy(
				() -> this.processor.refund(new RefundRequest(paymentId, new BigDecimal("5.00"), "EUR", "r-2")));
		this.processor.refund(new RefundRequest(paymentId, new BigDecimal("4.00"), "EUR", "r-3"));
		assertThat(this.processor.refundedOf(paymentId)).isEqualTo(1000);
	}

	private static Charge charge(String number, String key) {
		return new Charge(new BigDecimal("10.00"), "EUR", new Card(number, 12, 2030, "123"), key, UUID.randomUUID());
	}

}
