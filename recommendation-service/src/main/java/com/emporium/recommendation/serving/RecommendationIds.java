package com.emporium.recommendation.serving;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Ids of served lists: UUID version 7 (RFC 9562), whose first 48 bits are the Unix time in
 * milliseconds. They sort by the time they were made, also as text, so each new served list is
 * stored at the end of the {@code _id} index instead of at a random place in it: with random
 * (version 4) ids, every batch of lists read and rewrote index pages all over the collection, which
 * on the embedded MongoDB cost more CPU than serving the lists did. The other 74 bits are random, so
 * an id cannot be guessed from another.
 */
final class RecommendationIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private RecommendationIds() {
	}

	/** A new id for a list served at this instant. */
	static UUID next(Instant at) {
		long millis = at.toEpochMilli();
		long random = RANDOM.nextLong();
		long high = (millis << 16) | 0x7000L | ((random >>> 52) & 0x0FFFL);
		long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(high, low);
	}

}
