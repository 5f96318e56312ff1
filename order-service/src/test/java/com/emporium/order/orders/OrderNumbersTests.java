package com.emporium.order.orders;

import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderNumbersTests {

	@Test
	void numbersCarryTheUtcDateAndSixUnambiguousCharacters() {
		OrderNumbers numbers = new OrderNumbers(new Random(42));
		String number = numbers.next(Instant.parse("2026-11-22T23:30:00Z"));
		assertThat(number).matches("ORD-20261122-[23456789ABCDEFGHJKMNPQRSTWXYZ]{6}");
		assertThat(OrderNumbers.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
		assertThat(numbers.next(Instant.parse("2026-11-22T23:30:00Z"))).isNotEqualTo(number);
	}

}
