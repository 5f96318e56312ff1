package com.emporium.user.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.KafkaTopics;
import com.emporium.user.UserServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class AccountDeletionTests extends UserServiceIntegrationTest {

	static final String ME = "/api/v1/users/me";

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void ownersDeleteTheirAccountWithTheirPasswordAndOnlyItsIdRemains() {
		Map<String, Object> account = account(Map.of("role", "VENDOR"));
		String id = register(account).get("id").asString();
		JsonNode tokens = login((String) account.get("username"), (String) account.get("password"));
		String token = tokens.get("access_token").asString();
		send(HttpMethod.PATCH, ME, token, Map.of("preferences", Map.of("interests", List.of("tea"))))
			.expectStatus()
			.isOk();
		body(post(ME + "/addresses", token, Map.of("label", "HOME", "recipientName", "Ada Lovelace", "line1",
				"12 St James's Square", "city", "London", "country", "GB", "defaultShipping", true)), 201);

		send(HttpMethod.DELETE, ME, token, Map.of("password", "not-my-password-at-all")).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(SessionTests.INVALID_CREDENTIALS);
		get(ME, token).expectStatus().isOk();

		send(HttpMethod.DELETE, ME, token, Map.of("password", account.get("password"))).expectStatus().isNoContent();

		get(ME, token).expectStatus().isUnauthorized();
		get("/api/v1/users/" + id, null).expectStatus().isNotFound();
		post("/api/v1/auth/refresh", null, Map.of("refresh_token", tokens.get("refresh_token").asString()))
			.expectStatus()
			.isUnauthorized();
		post("/api/v1/auth/login", null, Map.of("login", account.get("email"), "password", account.get("password")))
			.expectStatus()
			.isUnauthorized();
		Map<String, Object> row = this.jdbc.queryForMap("SELECT * FROM users WHERE id = ?::uuid", id);
		assertThat(row.get("email")).isEqualTo("deleted:" + id.replace("-", ""));
		assertThat(row.get("username")).isEqualTo(row.get("email"));
		assertThat(row.get("password_hash")).isEqualTo(User.NO_PASSWORD);
		assertThat(row.get("first_name")).isEqualTo("");
		assertThat(row.get("phone")).isNull();
		assertThat(row.get("active")).isEqualTo(false);
		assertThat(row.get("deleted_at")).isNotNull();
		assertThat(row.get("interests").toString()).isEqualTo("{}");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM addresses WHERE user_id = ?::uuid", Long.class, id))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM refresh_tokens WHERE user_id = ?::uuid AND revoked_at IS NULL", Long.class, id))
			.isZero();

		KafkaTopics.Record record = KafkaTopics.awaitRecord("emporium.user.user-deleted.v1", r -> id.equals(r.key()),
				Duration.ofSeconds(30));
		JsonNode envelope = json(record.value());
		assertThat(envelope.get("type").asString()).isEqualTo("UserDeleted");
		assertThat(envelope.get("data").propertyNames()).containsExactlyInAnyOrder("eventId", "occurredAt", "userId");
		assertThat(envelope.get("data").get("userId").asString()).isEqualTo(id);
		KafkaTopics.awaitRecord("emporium.user.user-sessions-revoked.v1", r -> id.equals(r.key()),
				Duration.ofSeconds(30));

		// The email and username are free again.
		register(account);
	}

	@Test
	void deletingTakesThePasswordAndNeverAnAdminsOwnAccount() {
		String token = signedIn(Map.of()).get("access_token").asString();
		send(HttpMethod.DELETE, ME, token, null).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/malformed-request");
		send(HttpMethod.DELETE, ME, token, Map.of()).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/password");
		send(HttpMethod.DELETE, ME, null, Map.of("password", "whatever-it-is")).expectStatus().isUnauthorized();
		get(ME, token).expectStatus().isOk();

		String admin = adminToken();
		send(HttpMethod.DELETE, ME, admin, Map.of("password", ADMIN_PASSWORD)).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(AdminTests.CONFLICT);
		get(ME, admin).expectStatus().isOk();
	}

}
