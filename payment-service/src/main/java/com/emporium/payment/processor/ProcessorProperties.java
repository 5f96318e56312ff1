package com.emporium.payment.processor;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.payments.processor.*}.
 *
 * @param type {@code simulator} (built in, the default) or {@code stripe}
 * @param baseUrl the Stripe-compatible API ({@code https://api.stripe.com}); required for
 * {@code stripe}
 * @param secretKey the API's secret key, sent as a bearer token; from the environment
 * ({@code PAYMENT_PROCESSOR_SECRET_KEY}), never from a file in the repository
 * @param timeout how long one call may take (connecting and reading)
 */
@ConfigurationProperties("emporium.payments.processor")
@Validated
public record ProcessorProperties(@NotNull @DefaultValue("simulator") Type type, @Nullable URI baseUrl,
		@Nullable String secretKey, @NotNull @DefaultValue("PT5S") Duration timeout) {

	public enum Type {

		SIMULATOR, STRIPE

	}

}
