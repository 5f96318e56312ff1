package com.emporium.payment.payments;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.payments.*}.
 *
 * @param saga how the saga charges
 * @param idempotencyKeyTtl how long a {@code POST /payments} Idempotency-Key is remembered
 * @param webhooks the processor's webhooks
 */
@ConfigurationProperties("emporium.payments")
@Validated
record PaymentProperties(@DefaultValue @Valid Saga saga, @NotNull @DefaultValue("24h") Duration idempotencyKeyTtl,
		@DefaultValue @Valid Webhooks webhooks) {

	/**
	 * @param defaultPaymentMethod the processor token charged for {@code CARD} and {@code WALLET}
	 * orders ({@code pm_card_visa}: the simulator's success card); none: those payments wait for
	 * the customer's {@code POST /payments}
	 * @param attempts how often a charge without an answer is tried (same idempotency key) before the
	 * payment fails
	 * @param retryBackoff the pause between those tries
	 */
	record Saga(@Nullable String defaultPaymentMethod, @DefaultValue("3") @Min(1) @Max(10) int attempts,
			@NotNull @DefaultValue("200ms") Duration retryBackoff) {
	}

	/**
	 * @param secret the HMAC-SHA256 key of the {@code Stripe-Signature} header; from the
	 * environment ({@code PAYMENT_WEBHOOK_SECRET}); none: every webhook is refused
	 * @param tolerance how far the signature's timestamp may be from now
	 */
	record Webhooks(@Nullable String secret, @NotNull @DefaultValue("5m") Duration tolerance) {
	}

}
