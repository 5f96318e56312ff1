package com.emporium.user.keys;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key pairs in {@code signing_keys}. The newest row is the active key. It is created on the
 * first start and replaced once it is older than {@link TokenProperties#keyRotation()}; the
 * replaced key gets {@code retire_after} = now + access token lifetime + {@link #PROPAGATION}, so
 * it stays in the JWKS until every token it signed has expired, even one signed by a replica that
 * had not yet noticed the rotation. Creation runs under a PostgreSQL advisory lock, so replicas
 * starting together make one key, not one each.
 */
@Component
class SigningKeys implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	/** How long a replica may keep signing with a key it cached before the rotation. */
	static final Duration CACHE = Duration.ofMinutes(1);

	/** Margin for the cache above and clock skew between replicas and resource servers. */
	static final Duration PROPAGATION = CACHE.plusMinutes(4);

	/** Keys retired this long ago are deleted: no token they signed is valid any more. */
	static final Duration KEEP_RETIRED = Duration.ofDays(1);

	private static final long ADVISORY_LOCK = 0x5167_6e4b_6579_73L; // "SignKeys"

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final TokenProperties properties;

	private final Clock clock;

	private volatile @Nullable Cached cached;

	SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, TokenProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** Creates the first key (or rotates an old one) when the service starts. */
	@Override
	public void run(ApplicationArguments args) {
		active();
	}

	/** The key to sign with now: the newest, rotated first if it is due. */
	SigningKey active() {
		Instant now = this.clock.instant();
		Cached current = this.cached;
		if (current != null && current.loadedAt.plus(CACHE).isAfter(now) && !rotationDue(current.key, now)) {
			return current.key;
		}
		SigningKey newest = newest();
		if (newest == null || rotationDue(newest, now)) {
			newest = rotate(false);
		}
		this.cached = new Cached(newest, now);
		return newest;
	}

	/** The keys whose tokens may still be valid, newest first: what the JWKS publishes. */
	List<SigningKey> published() {
		Instant now = this.clock.instant();
		return this.jdbc.sql("SELECT * FROM signing_keys WHERE retire_after IS NULL OR retire_after > ? "
				+ "ORDER BY created_at DESC")
			.param(Timestamp.from(now))
			.query(SigningKeys::map)
			.list();
	}

	/**
	 * Makes a new active key, unless another replica already did (when not forced).
	 * @param force make one even if the active key is not due (an operator's or a test's rotation)
	 */
	SigningKey rotate(boolean force) {
		SigningKey key = this.transactions.execute(status -> {
			this.jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS locked")
				.param(ADVISORY_LOCK)
				.query(Integer.class)
				.single();
			Instant now = this.clock.instant();
			SigningKey newest = newest();
			// Another replica may have rotated while this one waited for the lock.
			if (!force && newest != null && !rotationDue(newest, now)) {
				return newest;
			}
			SigningKey created = generate(now);
			this.jdbc.sql("INSERT INTO signing_keys (kid, private_key, public_key, created_at) VALUES (?, ?, ?, ?)")
				.params(created.kid(), encode(privateKey(created.key()).getEncoded()),
						encode(publicKey(created.key()).getEncoded()), Timestamp.from(now))
				.update();
			Instant retireAfter = now.plus(this.properties.accessTokenTtl()).plus(PROPAGATION);
			int retired = this.jdbc
				.sql("UPDATE signing_keys SET retire_after = ? WHERE retire_after IS NULL AND kid <> ?")
				.params(Timestamp.from(retireAfter), created.kid())
				.update();
			this.jdbc.sql("DELETE FROM signing_keys WHERE retire_after < ?")
				.param(Timestamp.from(now.minus(KEEP_RETIRED)))
				.update();
			log.info("Signing key created kid={} retiredKeys={}", created.kid(), retired);
			return created;
		});
		this.cached = new Cached(key, this.clock.instant());
		return key;
	}

	private boolean rotationDue(SigningKey key, Instant now) {
		return !key.createdAt().plus(this.properties.keyRotation()).isAfter(now);
	}

	private @Nullable SigningKey newest() {
		return this.jdbc.sql("SELECT * FROM signing_keys ORDER BY created_at DESC LIMIT 1")
			.query(SigningKeys::map)
			.optional()
			.orElse(null);
	}

	private static SigningKey generate(Instant now) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build();
			return new SigningKey(key, now, null);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("RSA is not available", ex);
		}
	}

	private static SigningKey map(ResultSet row, int rowNumber) throws SQLException {
		try {
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			RSAPublicKey publicKey = (RSAPublicKey) rsa
				.generatePublic(new X509EncodedKeySpec(decode(row.getString("public_key"))));
			RSAPrivateKey privateKey = (RSAPrivateKey) rsa
				.generatePrivate(new PKCS8EncodedKeySpec(decode(row.getString("private_key"))));
			RSAKey key = new RSAKey.Builder(publicKey).privateKey(privateKey)
				.keyID(row.getString("kid"))
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build();
			Timestamp retireAfter = row.getTimestamp("retire_after");
			return new SigningKey(key, row.getTimestamp("created_at").toInstant(),
					(retireAfter != null) ? retireAfter.toInstant() : null);
		}
		catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
			throw new IllegalStateException("Signing key %s cannot be read".formatted(row.getString("kid")), ex);
		}
	}

	private static RSAPrivateKey privateKey(RSAKey key) {
		try {
			return key.toRSAPrivateKey();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAPublicKey publicKey(RSAKey key) {
		try {
			return key.toRSAPublicKey();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static byte[] decode(String text) {
		return Base64.getDecoder().decode(text);
	}

	private record Cached(SigningKey key, Instant loadedAt) {
	}

}
