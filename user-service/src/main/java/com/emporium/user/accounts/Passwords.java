package com.emporium.user.accounts;

import java.util.UUID;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing: Argon2id (RFC 9106) with OWASP's first recommended setting, m = 19 MiB,
 * t = 2, p = 1, a 16-byte salt and a 32-byte hash. Memory-hard, so a GPU farm gains far less than
 * against bcrypt, while one hash costs tens of milliseconds here and 19 MiB for that time, which
 * a 384 MiB container can afford for a handful of concurrent sign-ins. The parameters travel in
 * each hash ({@code $argon2id$v=19$m=19456,t=2,p=1$...}), so raising them later re-hashes each
 * password at its owner's next sign-in ({@link #needsRehash}).
 */
@Component
class Passwords {

	static final int SALT_LENGTH = 16;

	static final int HASH_LENGTH = 32;

	static final int PARALLELISM = 1;

	static final int MEMORY_KIB = 19 * 1024;

	static final int ITERATIONS = 2;

	private final PasswordEncoder encoder = new Argon2PasswordEncoder(SALT_LENGTH, HASH_LENGTH, PARALLELISM,
			MEMORY_KIB, ITERATIONS);

	// Checked against when the login names no account, so that answer takes as long as a wrong
	// password and does not reveal which accounts exist.
	private final String dummyHash = this.encoder.encode(UUID.randomUUID().toString());

	String hash(String password) {
		return this.encoder.encode(password);
	}

	/** False for a hash that is no Argon2 hash (a deleted account's), after the same work. */
	boolean matches(String password, String hash) {
		if (!hash.startsWith("$argon2")) {
			matchNothing(password);
			return false;
		}
		return this.encoder.matches(password, hash);
	}

	/** Burns the time of one check, for an unknown account. */
	void matchNothing(String password) {
		this.encoder.matches(password, this.dummyHash);
	}

	boolean needsRehash(String hash) {
		return this.encoder.upgradeEncoding(hash);
	}

}
