package com.emporium.payment.processor;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The HTTP adapter against a Stripe-like API served by WireMock over real HTTP. */
class StripeCardProcessorTests {

	private static final WireMockServer stripe = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private CircuitBreaker breaker;

	private StripeCardProcessor processor;

	@BeforeAll
	static void start() {
		stripe.start();
	}

	@AfterAll
	static void stop() {
		stripe.stop();
	}

	@BeforeEach
	void processor() {
		stripe.resetAll();
		this.breaker = CircuitBreaker.of("test", CircuitBreakerConfig.custom()
			.slidingWindowSize(4)
			.minimumNumberOfCalls(4)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofMinutes(1))
			.build());
		this.processor = new StripeCardProcessor(URI.create(stripe.baseUrl()), "sk_test_123", Duration.ofSeconds(2),
				this.breaker);
	}

	@Test
	void aSucceededPaymentIntentIsCapturedAndTheRequestIsStripeShaped() {
		stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(okJson("""
				{"id": "pi_123", "object": "payment_intent", "status": "succeeded", "amount": 2770,
				 "charges": {"data": [{"payment_method_details": {"card": {"brand": "visa", "last4": "4242"}}}]}}""")));

		UUID orderId = UUID.randomUUID();
		ChargeOutcome outcome = this.processor.charge(new Charge(new BigDecimal("27.70"), "EUR",
				new Card("4242424242424242", 12, 2030, "123"), "order-" + orderId, orderId));

		assertThat(outcome).isEqualTo(new ChargeOutcome.Captured("pi_123", "visa", "4242"));
		stripe.verify(postRequestedFor(urlEqualTo("/v1/payment_intents"))
			.withHeader("Idempotency-Key", equalTo("order-" + orderId))
			.withHeader("Authorization", equalTo("Bearer sk_test_123"))
			.withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
			.withFormParam("amount", equalTo("2770"))
			.withFormParam("currency", equalTo("eur"))
			.withFormParam("confirm", equalTo("true"))
			.withFormParam("payment_method_data[card][number]", equalTo("4242424242424242"))
			.withFormParam("metadata[order_id]", equalTo(orderId.toString())));
	}

	@Test
	void aTokenIsSentAsPaymentMethodAndYenHaveNoDecimals() {
		stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
			.willReturn(okJson("{\"id\": \"pi_9\", \"status\": \"succeeded\"}")));

		ChargeOutcome outcome = this.processor.charge(new Charge(new BigDecimal("500"), "JPY",
				new PaymentSource.Token("pm_card_visa"), "k-jpy", UUID.randomUUID()));

		assertThat(outcome).isEqualTo(new ChargeOutcome.Captured("pi_9", null, null));
		stripe.verify(postRequestedFor(urlEqualTo("/v1/payment_intents")).withFormParam("amount", equalTo("500"))
			.withFormParam("currency", equalTo("jpy"))
			.withFormParam("payment_method", equalTo("pm_card_visa")));
	}

	@Test
	void aDeclineIsAnAnswerNotAFailure() {
		stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(402)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
					 "message": "Your card has insufficient funds.", "payment_intent": {"id": "pi_declined"}}}""")));

		for (int i = 0; i < 5; i++) {
			assertThat(this.processor.charge(charge())).isEqualTo(new ChargeOutcome.Declined("pi_declined",
					"insufficient_funds", "Your card has insufficient funds."));
		}
		assertThat(this.breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void anIntentThatNeedsAnotherPaymentMethodIsADecline() {
		stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(okJson("""
				{"id": "pi_2", "status": "requires_payment_method",
				 "last_payment_error": {"code": "card_declined", "decline_code": "stolen_card", "message": "Declined."}}""")));
		assertThat(this.processor.charge(charge()))
			.isEqualTo(new ChargeOutcome.Declined("pi_2", "stolen_card", "Declined."));
	}

	@Test
	void rateLimitsAndRejectedKeysAreNoAnswer() {
		stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"type\": \"rate_limit_error\"}}")));
		assertThatExceptionOfType(ProcessorUnavailableException.class).isThrownBy(() -> this.processor.charge(charge()))
			.withMessageContaining("429");
		stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"type\": \"invalid_request_error\"}}")));
		assertThatExceptionOfType(ProcessorUnavailableException.class).isThrownBy(() -> this.processor.charge(charge()))
			.withMessageContaining("401");
	}

	@Test
	void serverErrorsTimeoutsAndGarbageAreNoAnswer() {
		stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(503)));
		assertThatExceptionOfType(ProcessorUnavailableException.class).isThrownBy(() -> this.processor.charge(charge()))
			.satisfies(ex -> assertThat(ex.timedOut()).isFalse());

		stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(okJson("{\"id\": \"pi_1\"}").withFixedDelay(4000)));
		long start = System.nanoTime();
		assertThatExceptionOfType(ProcessorUnavailableException.class).isThrownBy(() -> this.processor.charge(charge()))
			.satisfies(ex -> assertThat(ex.timedOut()).isTrue());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));

		this.breaker.reset();
		stripe.stubFor(post(urlEqualTo("/v1/payment_intents"))
			.willReturn(aResponse().withStatus(200).withBody("<html>gateway</html>")));
		assertThatExceptionOfType(ProcessorUnavailableException.class).isThrownBy(() -> this.processor.charge(charge()));
		stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(okJson("{\"object\": \"list\"}")));
		assertThatExceptionOfType(ProcessorUnavailableException.class).isThrownBy(() -> this.processor.charge(charge()));
	}

	@Test
	void theBreakerOpensAfterRepeatedFailuresAndThenStopsCalling() {
		stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(500)));
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(ProcessorUnavailableException.class)
				.isThrownBy(() -> this.processor.charge(charge()));
		}
		assertThat(this.breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThatExceptionOfType(ProcessorUnavailableException.class).isThrownBy(() -> this.processor.charge(charge()))
			.withMessageContaining("not called");
		stripe.verify(4, postRequestedFor(urlEqualTo("/v1/payment_intents")));
	}

	@Test
	void refundsGoToTheRefundsEndpointWithTheirKey() {
		stripe.stubFor(post(urlEqualTo("/v1/refunds"))
			.willReturn(okJson("{\"id\": \"re_1\", \"object\": \"refund\", \"status\": \"succeeded\"}")));
		assertThat(this.processor.refund(new RefundRequest("pi_123", new BigDecimal("5.50"), "EUR", "refund-1")))
			.isEqualTo("re_1");
		stripe.verify(postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("refund-1"))
			.withFormParam("payment_intent", equalTo("pi_123"))
			.withFormParam("amount", equalTo("550")));

		stripe.stubFor(post(urlEqualTo("/v1/refunds")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"code\": \"charge_already_refunded\"}}")));
		assertThatExceptionOfType(ProcessorUnavailableException.class).isThrownBy(
				() -> this.processor.refund(new RefundRequest("pi_123", new BigDecimal("5.50"), "EUR", "refund-2")));
	}

	private static Charge charge() {
		UUID orderId = UUID.randomUUID();
		return new Charge(new BigDecimal("10.00"), "EUR", new Card("4242424242424242", 12, 2030, "123"),
				"order-" + orderId, orderId);
	}

}
