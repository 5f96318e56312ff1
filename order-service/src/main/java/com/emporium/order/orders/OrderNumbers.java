package com.emporium.order.orders;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

import org.springframework.stereotype.Component;

/**
 * Human-readable order numbers, {@code ORD-20261122-7K3QX9}: the UTC date of the order and six
 * characters from an alphabet without look-alikes (no 0/O, 1/I/L, U/V). 29^6 (about 595 million)
 * numbers a day; the unique index decides, and checkout draws again on a collision.
 */
@Component
class OrderNumbers {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

	private final RandomGenerator random;

	OrderNumbers() {
		this(new SecureRandom());
	}

	OrderNumbers(RandomGenerator random) {
		this.random = random;
	}

	String next(Instant placedAt) {
		StringBuilder number = new StringBuilder("ORD-").append(DATE.format(placedAt)).append('-');
		for (int i = 0; i < 6; i++) {
			number.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return number.toString();
	}

}
