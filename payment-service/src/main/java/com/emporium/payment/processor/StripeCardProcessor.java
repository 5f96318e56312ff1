package com.emporium.payment.processor;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.emporium.payment.MinorUnits;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * A Stripe-compatible PaymentIntents API: {@code POST /v1/payment_intents} (form-encoded, amount in
 * minor units, {@code confirm=true}: authorised and captured at once) and {@code POST /v1/refunds},
 * each with an {@code Idempotency-Key} header and the secret key as bearer token. Every call has a
 * timeout and goes through the {@value #BREAKER} circuit breaker; a decline is an answer, not a
 * failure, so it does not open the breaker. What the adapter makes of the answers:
 * <ul>
 * <li>a PaymentIntent {@code succeeded}: captured;</li>
 * <li>402, or a PaymentIntent {@code requires_payment_method} or {@code canceled}: declined, with
 * {@code decline_code} (else {@code code});</li>
 * <li>other 4xx except 401, 403, 409 and 429: declined (the request was refused);</li>
 * <li>401, 403, 409, 429, 5xx, a timeout, a body that is no PaymentIntent, the breaker open: no
 * answer ({@link ProcessorUnavailableException}), to be retried with the same key.</li>
 * </ul>
 */
class StripeCardProcessor implements CardProcessor {

	static final String BREAKER = "payment-processor";

	private final RestClient http;

	private final URI baseUrl;

	private final String secretKey;

	private final CircuitBreaker breaker;

	StripeCardProcessor(URI baseUrl, String secretKey, Duration timeout, CircuitBreaker breaker) {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(timeout);
		this.http = RestClient.builder().requestFactory(requests).build();
		this.baseUrl = baseUrl;
		this.secretKey = secretKey;
		this.breaker = breaker;
	}

	@Override
	public ChargeOutcome charge(Charge charge) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("amount", Long.toString(MinorUnits.of(charge.amount(), charge.currency())));
		form.add("currency", charge.currency().toLowerCase(Locale.ROOT));
		form.add("confirm", "true");
		switch (charge.source()) {
			case PaymentSource.Token token -> form.add("payment_method", token.id());
			case Card card -> {
				form.add("payment_method_data[type]", "card");
				form.add("payment_method_data[card][number]", card.number());
				form.add("payment_method_data[card][exp_month]", Integer.toString(card.expMonth()));
				form.add("payment_method_data[card][exp_year]", Integer.toString(card.expYear()));
				form.add("payment_method_data[card][cvc]", card.cvc());
			}
		}
		form.add("metadata[order_id]", charge.orderId().toString());
		Answer answer = guarded(() -> post("/v1/payment_intents", charge.idempotencyKey(), form));
		JsonNode body = answer.body();
		if (answer.status() == 402) {
			JsonNode error = body.path("error");
			return new ChargeOutcome.Declined(text(error.path("payment_intent").path("id")), declineCode(error),
					message(error));
		}
		if (answer.status() >= 400) {
			JsonNode error = body.path("error");
			return new ChargeOutcome.Declined(null, declineCode(error), message(error));
		}
		String id = text(body.path("id"));
		String status = text(body.path("status"));
		if (id == null || status == null) {
			throw new ProcessorUnavailableException("the processor's answer is no payment");
		}
		return switch (status) {
			case "succeeded" -> {
				JsonNode card = body.path("charges").path("data").path(0).path("payment_method_details").path("card");
				yield new ChargeOutcome.Captured(id, text(card.path("brand")), text(card.path("last4")));
			}
			case "requires_payment_method", "canceled" -> {
				JsonNode error = body.path("last_payment_error");
				yield new ChargeOutcome.Declined(id, declineCode(error), message(error));
			}
			case "requires_action" -> new ChargeOutcome.Declined(id, "authentication_required",
					"The card needs authentication, which this shop does not support yet.");
			default -> throw new ProcessorUnavailableException("the payment is still " + status);
		};
	}

	@Override
	public String refund(RefundRequest refund) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("payment_intent", refund.processorId());
		form.add("amount", Long.toString(MinorUnits.of(refund.amount(), refund.currency())));
		Answer answer = guarded(() -> post("/v1/refunds", refund.idempotencyKey(), form));
		String id = text(answer.body().path("id"));
		String status = text(answer.body().path("status"));
		if (answer.status() >= 400 || id == null || "failed".equals(status) || "canceled".equals(status)) {
			throw new ProcessorUnavailableException("the processor refused the refund");
		}
		return id;
	}

	/** The call through the breaker; only missing answers count against it. */
	private Answer guarded(Supplier<Answer> call) {
		try {
			return this.breaker.executeSupplier(call);
		}
		catch (CallNotPermittedException ex) {
			throw new ProcessorUnavailableException("the processor is failing; not called for now");
		}
	}

	private Answer post(String path, String idempotencyKey, MultiValueMap<String, String> form) {
		Answer answer;
		try {
			answer = this.http.post()
				.uri(this.baseUrl.resolve(path))
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.secretKey)
				.header("Idempotency-Key", idempotencyKey)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.exchange((request, response) -> {
					String text = StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8);
					return new Answer(response.getStatusCode().value(), parse(text));
				});
		}
		catch (ResourceAccessException ex) {
			boolean timedOut = ex.getCause() instanceof HttpTimeoutException
					|| ex.getCause() instanceof SocketTimeoutException;
			throw new ProcessorUnavailableException(
					timedOut ? "the processor did not answer in time" : "the processor is unreachable", timedOut);
		}
		int status = answer.status();
		if (status >= 500 || status == 401 || status == 403 || status == 409 || status == 429) {
			throw new ProcessorUnavailableException("the processor answered " + status);
		}
		return answer;
	}

	private static JsonNode parse(String text) {
		try {
			JsonNode body = JsonMapper.shared().readTree(text);
			if (body == null || !body.isObject()) {
				throw new ProcessorUnavailableException("the processor's answer is no JSON object");
			}
			return body;
		}
		catch (JacksonException ex) {
			throw new ProcessorUnavailableException("the processor's answer is no JSON");
		}
	}

	private static String declineCode(JsonNode error) {
		String code = text(error.path("decline_code"));
		if (code == null) {
			code = text(error.path("code"));
		}
		return (code != null) ? code : "declined";
	}

	private static String message(JsonNode error) {
		String message = text(error.path("message"));
		return (message != null) ? message : "The card was declined.";
	}

	private static @Nullable String text(JsonNode node) {
		return (node.isString() && !node.asString().isBlank()) ? node.asString() : null;
	}

	private record Answer(int status, JsonNode body) {
	}

}
