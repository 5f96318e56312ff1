package com.emporium.gateway.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRateLimiterTests {

	final AtomicLong now = new AtomicLong();

	final ClientRateLimiter limiter = new ClientRateLimiter(new RateLimitProperties(true, 2, 3, 2), this.now::get);

	@Test
	void letsABurstThroughThenRefillsAtTheSustainedRate() {
		assertThat(this.limiter.take("a")).isZero();
		assertThat(this.limiter.take("a")).isZero();
		assertThat(this.limiter.take("a")).isZero();
		assertThat(this.limiter.take("a")).as("half a second until the next token at 2/s").isEqualTo(500_000_000L);

		this.now.addAndGet(500_000_000L);
		assertThat(this.limiter.take("a")).isZero();
		assertThat(this.limiter.take("a")).isPositive();
	}

	@Test
	void eachClientHasItsOwnBudget() {
		for (int i = 0; i < 3; i++) {
			this.limiter.take("a");
		}
		assertThat(this.limiter.take("a")).isPositive();
		assertThat(this.limiter.take("b")).isZero();
	}

	@Test
	void forgetsClientsThatAreBackToAFullBudgetWhenItTracksTooMany() {
		this.limiter.take("a");
		this.limiter.take("b");
		this.now.addAndGet(10_000_000_000L);
		// Both are full again: tracking a third client drops them, and nothing is lost by it.
		assertThat(this.limiter.take("c")).isZero();
		assertThat(this.limiter.take("a")).isZero();
	}

}
