package com.emporium.product.pricing;

import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.emporium.product.HttpClients;

import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Fetches the latest rates of a base currency: {@code GET {baseUrl}/v1/latest?apikey=&base_currency=}
 * answers {@code {"data": {"EUR": 0.92, …}}} (units of each currency per unit of the base). Every
 * rate is read as a decimal from the JSON text, never through a double. Anything else (an error
 * status, no {@code data}, a rate that is no positive number) is an exception.
 */
class ExchangeRateClient {

	private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

	/** Decimals as BigDecimal from the text: 0.1 stays 0.1. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final RestClient http;

	private final URI baseUrl;

	private final @Nullable String apiKey;

	ExchangeRateClient(URI baseUrl, @Nullable String apiKey, java.time.Duration timeout) {
		this.http = HttpClients.withTimeout(timeout).build();
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
	}

	Map<String, BigDecimal> latest(String base) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUri(this.baseUrl)
			.path("/v1/latest")
			.queryParam("base_currency", base);
		if (this.apiKey != null && !this.apiKey.isBlank()) {
			uri.queryParam("apikey", this.apiKey);
		}
		String body = this.http.get().uri(uri.build().toUri()).retrieve().body(String.class);
		if (body == null) {
			throw new InvalidRatesException("no body");
		}
		JsonNode data = JSON.readTree(body).path("data");
		if (!data.isObject() || data.isEmpty()) {
			throw new InvalidRatesException("no data");
		}
		Map<String, BigDecimal> rates = new HashMap<>();
		for (Map.Entry<String, JsonNode> entry : data.properties()) {
			// freecurrencyapi sends numbers; some compatible APIs send {"code": …, "value": …}.
			JsonNode value = entry.getValue().isObject() ? entry.getValue().path("value") : entry.getValue();
			if (CODE.matcher(entry.getKey()).matches() && value.isNumber() && value.decimalValue().signum() > 0) {
				rates.put(entry.getKey(), value.decimalValue());
			}
		}
		if (rates.isEmpty()) {
			throw new InvalidRatesException("no valid rates");
		}
		rates.put(base, BigDecimal.ONE);
		return Map.copyOf(rates);
	}

	/** The API answered, but not with rates. */
	static final class InvalidRatesException extends RuntimeException {

		InvalidRatesException(String message) {
			super(message);
		}

	}

}
