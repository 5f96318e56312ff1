package com.emporium.user.accounts;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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
 * <p>
 * At most {@link LoginProperties#concurrentHashes()} hashes run at once (one per core by default:
 * more would not finish sooner, and each holds its 19 MiB); the other requests wait their turn, up to
 * {@link LoginProperties#hashWait()}, then get 503 with {@code Retry-After} instead of running the
 * heap out.
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

	private final Semaphore turns;

	private final Duration wait;

	Passwords(LoginProperties properties) {
		int concurrent = (properties.concurrentHashes() > 0) ? properties.concurrentHashes()
				: Runtime.getRuntime().availableProcessors();
		this.turns = new Semaphore(concurrent, true);
		this.wait = properties.hashWait();
	}

	// Checked against when the login names no account, so that answer takes as long as a wrong
	// password and does not reveal which accounts exist.
	private final String dummyHash = this.encoder.encode(UUID.randomUUID().toString());

	String hash(String password) {
		return inTurn(() -> this.encoder.encode(password));
	}

	/** False for a hash that is no Argon2 hash (a deleted account's), after the same work. */
	boolean matches(String password, String hash) {
		if (!hash.startsWith("$argon2")) {
			matchNothing(password);
			return false;
		}
		return inTurn(() -> this.encoder.matches(password, hash));
	}

	/** Burns the time of one check, for an unknown account. */
	void matchNothing(String password) {
		inTurn(() -> this.encoder.matches(password, this.dummyHash));
	}

	/** Runs one hash when a turn is free, waiting up to {@code hashWait} for it. */
	<T> T inTurn(Supplier<T> hashing) {
		try {
			if (!this.turns.tryAcquire(this.wait.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new PasswordHashingBusyException();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PasswordHashingBusyException();
		}
		try {
			return hashing.get();
		}
		finally {
			this.turns.release();
		}
	}

	boolean needsRehash(String hash) {
		return this.encoder.upgradeEncoding(hash);
	}

}
