package com.emporium.product.views;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.emporium.product.catalog.ProductReads;

import static org.assertj.core.api.Assertions.assertThat;

class ViewDedupTests {

	private final MovingClock clock = new MovingClock();

	private final ViewCounter counter = new ViewCounter(null,
			new ViewProperties(Duration.ofMinutes(30), Duration.ofSeconds(1), 50, 100), this.clock);

	@Test
	void aViewerCountsOncePerProductWithinTheWindowAndAgainAfterIt() {
		assertThat(this.counter.firstWithinWindow("session:abc|p1", this.clock.instant())).isTrue();
		this.clock.advance(Duration.ofMinutes(29));
		assertThat(this.counter.firstWithinWindow("session:abc|p1", this.clock.instant())).isFalse();
		assertThat(this.counter.firstWithinWindow("session:abc|p2", this.clock.instant())).isTrue();
		assertThat(this.counter.firstWithinWindow("session:xyz|p1", this.clock.instant())).isTrue();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.counter.firstWithinWindow("session:abc|p1", this.clock.instant())).isTrue();
	}

	@Test
	void theUserIsTheViewerWhateverTheSessionOrAddress() {
		UUID user = UUID.randomUUID();
		UUID product = UUID.randomUUID();
		this.counter.read(product, new ProductReads.Reader(user, "session-one", "10.0.0.1"));
		this.counter.read(product, new ProductReads.Reader(user, "session-two", "10.0.0.2"));
		assertThat(this.counter.firstWithinWindow("user:" + user + "|" + product, this.clock.instant())).isFalse();
		this.counter.read(product, new ProductReads.Reader(null, null, "10.0.0.3"));
		assertThat(this.counter.firstWithinWindow("address:10.0.0.3|" + product, this.clock.instant())).isFalse();
	}

	@Test
	void aFullMemoryForgetsSomeViewersRatherThanGrowing() {
		for (int i = 0; i < 500; i++) {
			this.counter.firstWithinWindow("session:s" + i + "|p", this.clock.instant());
		}
		int remembered = 0;
		for (int i = 0; i < 500; i++) {
			if (!this.counter.firstWithinWindow("session:s" + i + "|p", this.clock.instant())) {
				remembered++;
			}
		}
		assertThat(remembered).isLessThanOrEqualTo(100);
	}

	static final class MovingClock extends Clock {

		private Instant now = Instant.parse("2026-11-24T10:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
