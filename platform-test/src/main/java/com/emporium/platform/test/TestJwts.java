package com.emporium.platform.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * RS256 tokens for tests, shaped like user-service's: claims {@code sub}, {@code roles} (array),
 * {@code jti}, {@code iat}, {@code exp} and {@code iss} = {@value #ISSUER}.
 *
 * <p>
 * The key pair is generated once per JVM; its public half is served as a JWKS over real HTTP on a
 * loopback port ({@link #jwkSetUri()}), which {@link EmporiumIntegrationTest} sets as
 * {@code emporium.security.jwt.jwk-set-uri}, so tokens go through the same fetching and verification
 * as in production.
 *
 * <pre>{@code
 * http.get().uri("/api/v1/orders").header("Authorization", TestJwts.bearer("user-1", "CUSTOMER"))...
 * }</pre>
 */
public final class TestJwts {

	/** The {@code iss} claim of every token. */
	public static final String ISSUER = "emporium-test";

	/** The {@code kid} of the served key (also used by {@link #tokenSignedByAnotherKey}). */
	public static final String KEY_ID = "emporium-test-key";

	/** How long {@link #token} tokens are valid. */
	public static final Duration VALIDITY = Duration.ofHours(1);

	private static final RSAKey KEY = generate();

	// Same kid, different key: the verifier finds "the" key and the signature fails, which is the
	// forgery case, rather than failing on an unknown kid.
	private static final RSAKey OTHER_KEY = generate();

	private static HttpServer server;

	private TestJwts() {
	}

	/**
	 * @param subject the {@code sub} claim, e.g. a user id
	 * @param roles the {@code roles} claim, e.g. {@code CUSTOMER}, {@code ADMIN}
	 * @return a valid token for {@link #VALIDITY}
	 */
	public static String token(String subject, String... roles) {
		Instant now = Instant.now();
		return sign(KEY, subject, roles, now, now.plus(VALIDITY));
	}

	/**
	 * @param subject the {@code sub} claim
	 * @param validity how long it is valid from now
	 * @param roles the {@code roles} claim
	 * @return a valid token
	 */
	public static String token(String subject, Duration validity, String... roles) {
		Instant now = Instant.now();
		return sign(KEY, subject, roles, now, now.plus(validity));
	}

	/**
	 * @param subject the {@code sub} claim
	 * @param roles the {@code roles} claim
	 * @return {@code Bearer <token>}, for an {@code Authorization} header
	 */
	public static String bearer(String subject, String... roles) {
		return "Bearer " + token(subject, roles);
	}

	/**
	 * @param subject the {@code sub} claim
	 * @param roles the {@code roles} claim
	 * @return a correctly signed token that expired an hour ago (beyond any clock skew allowance)
	 */
	public static String expiredToken(String subject, String... roles) {
		Instant now = Instant.now();
		return sign(KEY, subject, roles, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
	}

	/**
	 * @param subject the {@code sub} claim
	 * @param roles the {@code roles} claim
	 * @return a token that is valid in every way except its signature: another key, same {@code kid}
	 */
	public static String tokenSignedByAnotherKey(String subject, String... roles) {
		Instant now = Instant.now();
		return sign(OTHER_KEY, subject, roles, now, now.plus(VALIDITY));
	}

	/**
	 * @return the URL of the JWKS with the public key, served on loopback (started on first call)
	 */
	public static synchronized String jwkSetUri() {
		if (server == null) {
			server = startServer();
		}
		return "http://127.0.0.1:%d/.well-known/jwks.json".formatted(server.getAddress().getPort());
	}

	/**
	 * @return the public JWK set that {@link #jwkSetUri()} serves
	 */
	public static JWKSet jwkSet() {
		return new JWKSet(KEY.toPublicJWK());
	}

	private static String sign(RSAKey key, String subject, String[] roles, Instant issuedAt, Instant expiresAt) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer(ISSUER)
			.claim("roles", List.of(roles))
			.jwtID(UUID.randomUUID().toString())
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(expiresAt))
			.build();
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
			.type(JOSEObjectType.JWT)
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign a test JWT", ex);
		}
		return jwt.serialize();
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(KEY_ID).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate the test RSA key", ex);
		}
	}

	private static HttpServer startServer() {
		byte[] body = jwkSet().toString().getBytes(StandardCharsets.UTF_8);
		try {
			HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			http.createContext("/.well-known/jwks.json", exchange -> {
				try (exchange; OutputStream out = exchange.getResponseBody()) {
					exchange.getResponseHeaders().set("Content-Type", "application/json");
					exchange.sendResponseHeaders(200, body.length);
					out.write(body);
				}
			});
			http.setExecutor(Executors.newSingleThreadExecutor(daemon("test-jwks-http")));
			// The dispatcher thread inherits daemon status from the thread that starts it: a daemon, so
			// the server never keeps a test JVM alive.
			Thread starter = daemon("test-jwks-start").newThread(http::start);
			starter.start();
			starter.join();
			return http;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not serve the test JWKS", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting the test JWKS server", ex);
		}
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		return runnable -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}

}
