package com.emporium.product.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.product.catalog.ConvertedPrice;
import com.emporium.product.catalog.CurrencyConverter;
import com.emporium.product.catalog.Money;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Converts prices at the latest rates of their currency. Rates are fetched per base currency (the
 * product's), all target currencies at once, and used for {@code ttl}; then fetched again, with a
 * timeout, behind the {@code exchange-rates} circuit breaker. When that fails (down, slow, garbage,
 * breaker open) the last known rates are used and marked {@code stale}, and no new try is made for
 * {@code retry-after}; with no rates ever fetched, the price is left out with a reason. A request
 * never fails because of the rates.
 * <p>
 * Rounding: amount × rate, rounded half-even to the target currency's decimals (2 for EUR, 0 for
 * JPY); the rate is used as the API sends it, never through a double.
 */
@Service
@EnableConfigurationProperties(ExchangeRateProperties.class)
class ExchangeRates implements CurrencyConverter {

	static final String BREAKER = "exchange-rates";

	static final String NOT_CONFIGURED = "exchange rates are not configured";

	static final String UNAVAILABLE = "exchange rates are unavailable";

	private static final Logger log = LoggerFactory.getLogger(ExchangeRates.class);

	private final @Nullable ExchangeRateClient client;

	private final ExchangeRateProperties properties;

	private final CircuitBreaker breaker;

	private final Clock clock;

	private final Map<String, Rates> cache = new ConcurrentHashMap<>();

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	ExchangeRates(ExchangeRateProperties properties, ObjectProvider<CircuitBreakerRegistry> breakers, Clock clock) {
		this.properties = properties;
		this.client = properties.configured()
				? new ExchangeRateClient(URI.create(properties.baseUrl().strip()), properties.apiKey(),
						properties.timeout())
				: null;
		this.breaker = breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults).circuitBreaker(BREAKER);
		this.clock = clock;
	}

	@Override
	public ConvertedPrice convert(Money price, @Nullable Money compareAt, String currency) {
		if (price.currency().equals(currency)) {
			return new ConvertedPrice(currency, price.amount(), (compareAt != null) ? compareAt.amount() : null,
					BigDecimal.ONE, null, null, null);
		}
		if (this.client == null) {
			return ConvertedPrice.unavailable(currency, NOT_CONFIGURED);
		}
		Rates rates = rates(price.currency());
		if (rates == null) {
			return ConvertedPrice.unavailable(currency, UNAVAILABLE);
		}
		BigDecimal rate = rates.rates().get(currency);
		if (rate == null) {
			return ConvertedPrice.unavailable(currency,
					"no exchange rate from %s to %s".formatted(price.currency(), currency));
		}
		return new ConvertedPrice(currency, convert(price.amount(), rate, currency),
				(compareAt != null) ? convert(compareAt.amount(), rate, currency) : null, rate, rates.fetchedAt(),
				rates.stale(), null);
	}

	/** Forgets every rate fetched: for tests. */
	void forget() {
		this.cache.clear();
	}

	/** Makes every cached rate due for a fetch, as if its time had passed: for tests. */
	void expire() {
		Instant now = this.clock.instant();
		this.cache.replaceAll((base, rates) -> new Rates(rates.rates(), rates.fetchedAt(), rates.stale(), now));
	}

	CircuitBreaker breaker() {
		return this.breaker;
	}

	/** The rates of a base currency: cached, fetched, or the last known (stale); null when none. */
	private @Nullable Rates rates(String base) {
		Instant now = this.clock.instant();
		Rates cached = this.cache.get(base);
		if (cached != null && now.isBefore(cached.nextFetch())) {
			return cached;
		}
		synchronized (this.locks.computeIfAbsent(base, key -> new Object())) {
			cached = this.cache.get(base);
			if (cached != null && now.isBefore(cached.nextFetch())) {
				return cached;
			}
			try {
				Map<String, BigDecimal> fetched = this.breaker.executeSupplier(() -> this.client.latest(base));
				Instant at = this.clock.instant();
				Rates fresh = new Rates(fetched, at, false, at.plus(this.properties.ttl()));
				this.cache.put(base, fresh);
				return fresh;
			}
			catch (CallNotPermittedException ex) {
				log.debug("Exchange-rate breaker open base={}", base);
			}
			catch (RuntimeException ex) {
				log.warn("Exchange rates not fetched base={} reason={}", base, ex.getClass().getSimpleName());
			}
			if (cached == null) {
				return null;
			}
			Rates stale = new Rates(cached.rates(), cached.fetchedAt(), true,
					this.clock.instant().plus(this.properties.retryAfter()));
			this.cache.put(base, stale);
			return stale;
		}
	}

	private static BigDecimal convert(BigDecimal amount, BigDecimal rate, String currency) {
		int scale = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		return amount.multiply(rate).setScale(scale, RoundingMode.HALF_EVEN);
	}

	/**
	 * @param fetchedAt when the API gave them
	 * @param stale whether a later fetch failed
	 * @param nextFetch when to fetch again
	 */
	private record Rates(Map<String, BigDecimal> rates, Instant fetchedAt, boolean stale, Instant nextFetch) {
	}

}
