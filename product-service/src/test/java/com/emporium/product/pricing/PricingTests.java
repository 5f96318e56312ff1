package com.emporium.product.pricing;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.product.ExternalApis;
import com.emporium.product.ProductServiceIntegrationTest;
import com.emporium.product.catalog.ConvertedPrice;
import com.emporium.product.catalog.Money;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class PricingTests extends ProductServiceIntegrationTest {

	static final String RATES = "{\"data\":{\"USD\":1.0850,\"JPY\":161.234,\"GBP\":0.8571,\"EUR\":1}}";

	final WireMockServer api = ExternalApis.server();

	@Autowired
	ExchangeRates rates;

	@BeforeEach
	void fresh() {
		this.rates.forget();
		this.rates.breaker().reset();
		this.api.removeStubsByMetadata(WireMock.matchingJsonPath("$.rates"));
		this.api.resetRequests();
	}

	@AfterEach
	void closeBreaker() {
		this.rates.breaker().reset();
	}

	@Test
	void aProductListAndSearchShowThePriceInTheCurrencyAskedForAtCachedRates() {
		stub(aResponse().withHeader("Content-Type", "application/json").withBody(RATES));
		String word = "fx" + unique().replaceAll("[0-9]", "q");
		String id = newProduct(word);

		JsonNode usd = body(get("/api/v1/products/" + id + "?currency=USD", null), 200).get("convertedPrice");
		assertThat(usd.get("currency").asString()).isEqualTo("USD");
		assertThat(usd.get("amount").decimalValue()).isEqualByComparingTo("43.40");
		assertThat(get("/api/v1/products/" + id + "?currency=USD", null).expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("\"amount\":43.40,").contains("\"compareAtAmount\":54.25,");
		assertThat(usd.get("amount").decimalValue()).isEqualByComparingTo("43.40");
		assertThat(get("/api/v1/products/" + id + "?currency=USD", null).expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("\"amount\":43.40,").contains("\"compareAtAmount\":54.25,");
		assertThat(usd.get("compareAtAmount").decimalValue()).isEqualByComparingTo("54.25");
		assertThat(usd.get("rate").decimalValue()).isEqualByComparingTo("1.0850");
		assertThat(usd.get("stale").asBoolean()).isFalse();
		assertThat(Instant.parse(usd.get("rateAsOf").asString())).isBefore(Instant.now().plusSeconds(1));
		assertThat(usd.has("reason")).isFalse();
		// Yen have no decimals: 40 × 161.234 = 6449.36, half-even to 6449.
		assertThat(body(get("/api/v1/products/" + id + "?currency=JPY", null), 200).get("convertedPrice")
			.get("amount")
			.decimalValue()).isEqualByComparingTo("6449");
		JsonNode listed = body(get("/api/v1/products?store=" + storeOf(id) + "&currency=GBP", null), 200);
		assertThat(listed.get("items").get(0).get("convertedPrice").get("amount").decimalValue()).isEqualByComparingTo("34.28");
		JsonNode found = body(get("/api/v1/search?q=" + word + "&currency=USD", null), 200);
		assertThat(found.get("items").get(0).get("convertedPrice").get("amount").decimalValue()).isEqualByComparingTo("43.40");
		assertThat(body(get("/api/v1/products/" + id, null), 200).has("convertedPrice")).isFalse();

		// One fetch for EUR served every conversion; the key went with it.
		this.api.verify(1, getRequestedFor(urlPathEqualTo("/v1/latest")).withQueryParam("base_currency", equalTo("EUR"))
			.withQueryParam("apikey", equalTo("test-key")));
	}

	@Test
	void theProductsOwnCurrencyNeedsNoRates() {
		String id = newProduct("own" + unique());
		JsonNode eur = body(get("/api/v1/products/" + id + "?currency=EUR", null), 200).get("convertedPrice");
		assertThat(eur.get("amount").decimalValue()).isEqualByComparingTo("40.00");
		assertThat(eur.get("rate").decimalValue()).isEqualByComparingTo("1");
		this.api.verify(0, getRequestedFor(urlPathEqualTo("/v1/latest")));
	}

	@Test
	void whenTheApiIsDownTheLastKnownRatesAreUsedAndSaySo() {
		stub(aResponse().withHeader("Content-Type", "application/json").withBody(RATES));
		String id = newProduct("down" + unique());
		String asOf = converted(id, "USD").get("rateAsOf").asString();

		this.api.removeStubsByMetadata(WireMock.matchingJsonPath("$.rates"));
		stub(aResponse().withStatus(500));
		this.rates.expire();
		JsonNode stale = converted(id, "USD");
		assertThat(stale.get("amount").decimalValue()).isEqualByComparingTo("43.40");
		assertThat(stale.get("stale").asBoolean()).isTrue();
		assertThat(stale.get("rateAsOf").asString()).isEqualTo(asOf);
		this.api.verify(2, getRequestedFor(urlPathEqualTo("/v1/latest")));
	}

	@Test
	void withoutAnyRatesThePriceIsLeftOutWithAReason() {
		stub(aResponse().withStatus(503));
		String id = newProduct("none" + unique());
		JsonNode none = converted(id, "USD");
		assertThat(none.has("amount")).isFalse();
		assertThat(none.get("reason").asString()).isEqualTo("exchange rates are unavailable");
		assertThat(none.get("currency").asString()).isEqualTo("USD");
	}

	@Test
	void aSlowApiIsCutOffByTheTimeout() {
		stub(aResponse().withHeader("Content-Type", "application/json").withBody(RATES).withFixedDelay(3000));
		String id = newProduct("slow" + unique());
		long started = System.nanoTime();
		JsonNode slow = converted(id, "USD");
		assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2500);
		assertThat(slow.get("reason").asString()).isEqualTo("exchange rates are unavailable");
	}

	@Test
	void garbageFromTheApiIsNoRate() {
		String id = newProduct("junk" + unique());
		for (String garbage : new String[] { "not json", "{}", "{\"data\":{\"USD\":\"abc\"}}",
				"{\"data\":{\"USD\":-1}}", "[1,2]" }) {
			fresh();
			stub(aResponse().withHeader("Content-Type", "application/json").withBody(garbage));
			assertThat(converted(id, "USD").get("reason").asString()).as(garbage)
				.isEqualTo("exchange rates are unavailable");
		}
		fresh();
		stub(aResponse().withHeader("Content-Type", "application/json").withBody(RATES));
		assertThat(converted(id, "CHF").get("reason").asString()).isEqualTo("no exchange rate from EUR to CHF");
	}

	@Test
	void anOpenBreakerCallsNothingAndFallsBackToTheLastKnownRates() {
		stub(aResponse().withHeader("Content-Type", "application/json").withBody(RATES));
		String id = newProduct("open" + unique());
		converted(id, "USD");
		this.rates.breaker().transitionToForcedOpenState();
		this.rates.expire();
		JsonNode stale = converted(id, "USD");
		assertThat(stale.get("stale").asBoolean()).isTrue();
		assertThat(stale.get("amount").decimalValue()).isEqualByComparingTo("43.40");
		this.rates.forget();
		assertThat(converted(id, "USD").get("reason").asString()).isEqualTo("exchange rates are unavailable");
		this.api.verify(1, getRequestedFor(urlPathEqualTo("/v1/latest")));
	}

	@Test
	void repeatedFailuresOpenTheBreaker() {
		stub(aResponse().withStatus(500));
		String id = newProduct("trip" + unique());
		for (int i = 0; i < 12; i++) {
			converted(id, "USD");
		}
		assertThat(this.rates.breaker().getState().name()).isEqualTo("OPEN");
		int calls = this.api.findAll(getRequestedFor(urlPathEqualTo("/v1/latest"))).size();
		assertThat(calls).isLessThan(12);
	}

	@Test
	void anUnknownCurrencyIsRefusedNamingIt() {
		String id = newProduct("bad" + unique());
		problem(get("/api/v1/products/" + id + "?currency=XYZ", null), 400, "validation-failed", "currency");
		problem(get("/api/v1/products/" + id + "?currency=eur", null), 400, "validation-failed", "currency");
		problem(get("/api/v1/products?currency=EURO", null), 400, "validation-failed", "currency");
		problem(get("/api/v1/search?q=chair&currency=12", null), 400, "validation-failed", "currency");
	}

	@Test
	void withoutABaseUrlNothingIsConverted() {
		ExchangeRates unconfigured = new ExchangeRates(
				new ExchangeRateProperties(null, null, java.time.Duration.ofHours(1), java.time.Duration.ofSeconds(1),
						java.time.Duration.ofSeconds(1)),
				new StaticListableBeanFactory().getBeanProvider(CircuitBreakerRegistry.class), Clock.systemUTC());
		ConvertedPrice price = unconfigured.convert(new Money(new java.math.BigDecimal("1.00"), "EUR"), null, "USD");
		assertThat(price.amount()).isNull();
		assertThat(price.reason()).isEqualTo("exchange rates are not configured");
	}

	private JsonNode converted(String id, String currency) {
		return body(get("/api/v1/products/" + id + "?currency=" + currency, null), 200).get("convertedPrice");
	}

	private void stub(ResponseDefinitionBuilder response) {
		MappingBuilder mapping = WireMock.get(urlPathEqualTo("/v1/latest")).withMetadata(Map.of("rates", true));
		this.api.stubFor(mapping.willReturn(response));
	}

	private String newProduct(String word) {
		Vendor vendor = Vendor.create();
		return createProduct(vendor.token(),
				product(openStore(vendor.token()), Map.of("name", "Oak " + word, "compareAtPrice",
						Map.of("amount", "50.00", "currency", "EUR"))))
			.get("id")
			.asString();
	}

	private String storeOf(String id) {
		return body(get("/api/v1/products/" + id, null), 200).get("storeId").asString();
	}

}
