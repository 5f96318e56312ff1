package com.emporium.user.keys;

import java.time.Instant;

import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code signing_keys}: a key pair, when it was made and, once superseded, until when
 * tokens it signed may still be presented.
 */
record SigningKey(RSAKey key, Instant createdAt, @Nullable Instant retireAfter) {

	String kid() {
		return this.key.getKeyID();
	}

	boolean publishedAt(Instant now) {
		return this.retireAfter == null || this.retireAfter.isAfter(now);
	}

}
