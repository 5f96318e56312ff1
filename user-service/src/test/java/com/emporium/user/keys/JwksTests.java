package com.emporium.user.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.user.UserServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class JwksTests extends UserServiceIntegrationTest {

	@Autowired
	SigningKeys signingKeys;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcClient jdbcClient;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	TokenProperties properties;

	@Test
	void servesOnlyPublicSigningKeysToAnyoneAndLetsThemBeCached() {
		String body = get("/.well-known/jwks.json", null).expectStatus()
			.isOk()
			.expectHeader()
			.value("Cache-Control", cache -> assertThat(cache).contains("max-age=300").contains("public"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		JsonNode keys = json(body).get("keys");
		assertThat(keys.size()).isGreaterThanOrEqualTo(1);
		JsonNode key = keys.get(0);
		assertThat(key.get("kty").asString()).isEqualTo("RSA");
		assertThat(key.get("alg").asString()).isEqualTo("RS256");
		assertThat(key.get("use").asString()).isEqualTo("sig");
		assertThat(key.has("kid")).isTrue();
		assertThat(body).doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"");
	}

	@Test
	void aRotatedKeyStaysPublishedUntilTheTokensItSignedHaveExpired() throws Exception {
		JsonNode before = signedIn(Map.of());
		String oldToken = before.get("access_token").asString();
		String oldKid = SignedJWT.parse(oldToken).getHeader().getKeyID();

		Instant rotatedAt = Instant.now();
		SigningKey fresh = this.signingKeys.rotate(true);
		assertThat(fresh.kid()).isNotEqualTo(oldKid);

		List<String> published = kids();
		assertThat(published).first().isEqualTo(fresh.kid());
		assertThat(published).contains(oldKid);
		Instant retireAfter = this.jdbc.queryForObject("SELECT retire_after FROM signing_keys WHERE kid = ?",
				java.sql.Timestamp.class, oldKid)
			.toInstant();
		assertThat(retireAfter).isAfterOrEqualTo(rotatedAt.plus(Duration.ofMinutes(15)))
			.isBefore(rotatedAt.plus(Duration.ofMinutes(30)));

		String newToken = signedIn(Map.of()).get("access_token").asString();
		assertThat(SignedJWT.parse(newToken).getHeader().getKeyID()).isEqualTo(fresh.kid());
		get("/api/v1/users/me", oldToken).expectStatus().isOk();
		get("/api/v1/users/me", newToken).expectStatus().isOk();
	}

	@Test
	void anotherInstanceSignsWithTheSameStoredKey() throws Exception {
		SigningKey active = this.signingKeys.active();
		// What a restarted service or a second replica does on start: read the key, not make one.
		SigningKeys replica = new SigningKeys(this.jdbcClient, this.transactions, this.properties, Clock.systemUTC());
		replica.run(null);
		assertThat(replica.active().kid()).isEqualTo(active.kid());
		assertThat(replica.active().key().toRSAPublicKey()).isEqualTo(active.key().toRSAPublicKey());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM signing_keys WHERE retire_after IS NULL",
				Long.class))
			.isOne();
	}

	private List<String> kids() {
		JsonNode keys = json(get("/.well-known/jwks.json", null).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).get("keys");
		return keys.valueStream().map(key -> key.get("kid").asString()).toList();
	}

}
