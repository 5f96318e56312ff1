package com.emporium.recommendation.serving;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecommendationIdsTests {

	@Test
	void anIdIsAVersion7UuidThatCarriesTheMillisecondItWasMadeIn() {
		Instant at = Instant.parse("2026-11-24T18:30:00.123Z");

		UUID id = RecommendationIds.next(at);

		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
		assertThat(UUID.fromString(id.toString())).isEqualTo(id);
	}

	@Test
	void laterIdsSortAfterEarlierOnesAsText() {
		Instant at = Instant.parse("2026-11-24T18:30:00Z");
		String previous = RecommendationIds.next(at).toString();
		for (int i = 1; i <= 1_000; i++) {
			String next = RecommendationIds.next(at.plusMillis(i)).toString();
			assertThat(next).isGreaterThan(previous);
			previous = next;
		}
	}

	@Test
	void idsMadeInTheSameMillisecondDiffer() {
		Instant at = Instant.parse("2026-11-24T18:30:00Z");
		Set<UUID> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			ids.add(RecommendationIds.next(at));
		}

		assertThat(ids).hasSize(10_000);
	}

}
