package com.emporium.recommendation.serving;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import org.jspecify.annotations.Nullable;

import com.emporium.recommendation.training.ExperimentProperties;

/**
 * Which A/B variant a shopper is in: a hash of their key (user id, or session) mapped to [0, 1),
 * so that a shopper stays in their variant on every request and every replica, and a share of the
 * shoppers lands in B. Shoppers without a key (an anonymous request without a session) are in A.
 */
final class AbSplit {

	static final String A = "A";

	static final String B = "B";

	private static final int BUCKETS = 10_000;

	private AbSplit() {
	}

	static String variant(@Nullable String shopperKey, ExperimentProperties experiment) {
		if (!experiment.splitting() || shopperKey == null) {
			return A;
		}
		return (bucket(shopperKey) < experiment.share() * BUCKETS) ? B : A;
	}

	/** The shopper's bucket, 0 to 9,999: the same on every JVM (CRC-32 is fixed, unlike hashCode seeds). */
	static int bucket(String shopperKey) {
		CRC32 crc = new CRC32();
		crc.update(("ab:" + shopperKey).getBytes(StandardCharsets.UTF_8));
		return (int) (crc.getValue() % BUCKETS);
	}

}
