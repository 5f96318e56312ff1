package com.emporium.recommendation.serving;

import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.emporium.recommendation.training.ExperimentProperties;

import static org.assertj.core.api.Assertions.assertThat;

class AbSplitTests {

	static final ExperimentProperties HALF = new ExperimentProperties(true, 9L, 0.5);

	@Test
	void aShopperStaysInTheirVariant() {
		for (int i = 0; i < 100; i++) {
			String shopper = UUID.randomUUID().toString();
			String variant = AbSplit.variant(shopper, HALF);
			for (int again = 0; again < 5; again++) {
				assertThat(AbSplit.variant(shopper, HALF)).isEqualTo(variant);
			}
		}
	}

	@Test
	void theShareOfShoppersInVariantBIsTheConfiguredOne() {
		ExperimentProperties fifth = new ExperimentProperties(true, 9L, 0.2);

		long inB = IntStream.range(0, 10_000)
			.mapToObj(i -> UUID.randomUUID().toString())
			.filter(shopper -> AbSplit.B.equals(AbSplit.variant(shopper, fifth)))
			.count();

		assertThat(inB).isBetween(1_700L, 2_300L);
	}

	@Test
	void aLargerShareKeepsEveryoneOfTheSmallerShareInVariantB() {
		ExperimentProperties more = new ExperimentProperties(true, 9L, 0.7);
		IntStream.range(0, 1000).mapToObj(i -> "session:" + UUID.randomUUID()).forEach(shopper -> {
			if (AbSplit.variant(shopper, HALF).equals(AbSplit.B)) {
				assertThat(AbSplit.variant(shopper, more)).isEqualTo(AbSplit.B);
			}
		});
	}

	@Test
	void withoutATestOrAShopperKeyEveryoneIsInVariantA() {
		String shopper = UUID.randomUUID().toString();

		assertThat(AbSplit.variant(shopper, new ExperimentProperties(false, 9L, 1))).isEqualTo(AbSplit.A);
		assertThat(AbSplit.variant(shopper, new ExperimentProperties(true, null, 1))).isEqualTo(AbSplit.A);
		assertThat(AbSplit.variant(shopper, new ExperimentProperties(true, 9L, 0))).isEqualTo(AbSplit.A);
		assertThat(AbSplit.variant(shopper, new ExperimentProperties(true, 9L, 1))).isEqualTo(AbSplit.B);
		assertThat(AbSplit.variant(null, new ExperimentProperties(true, 9L, 1))).isEqualTo(AbSplit.A);
	}

}
