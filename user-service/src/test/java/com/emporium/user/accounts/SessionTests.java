package com.emporium.user.accounts;

import java.time.Duration;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.KafkaTopics;
import com.emporium.platform.test.TestJwts;
import com.emporium.user.UserServiceIntegrationTest;

import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTests extends UserServiceIntegrationTest {

	static final String INVALID_CREDENTIALS = "https://docs.emporium.example/problems/invalid-credentials";

	static final String INVALID_REFRESH_TOKEN = "https://docs.emporium.example/problems/invalid-refresh-token";

	@Test
	void signsInWithUsernameOrEmailAndGetsTokensTheFleetAccepts() throws Exception {
		Map<String, Object> account = account(Map.of("role", "VENDOR"));
		String id = register(account).get("id").asString();
		String email = (String) account.get("email");

		JsonNode byUsername = login((String) account.get("username"), (String) account.get("password"));
		JsonNode byEmail = login("  " + email.toUpperCase() + " ", (String) account.get("password"));
		assertThat(byEmail.get("user").get("id").asString()).isEqualTo(id);

		assertThat(byUsername.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(byUsername.get("expires_in").asLong()).isEqualTo(900);
		assertThat(byUsername.get("refresh_token").asString()).hasSizeGreaterThanOrEqualTo(43);
		JsonNode user = byUsername.get("user");
		assertThat(user.get("id").asString()).isEqualTo(id);
		assertThat(user.get("email").asString()).isEqualTo(email);
		assertThat(user.get("roles").get(0).asString()).isEqualTo("VENDOR");

		SignedJWT jwt = SignedJWT.parse(byUsername.get("access_token").asString());
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(jwt.getHeader().getKeyID()).isNotBlank();
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getSubject()).isEqualTo(id);
		assertThat(claims.getStringListClaim("roles")).containsExactly("VENDOR");
		assertThat(claims.getIssuer()).isEqualTo(ISSUER);
		assertThat(claims.getJWTID()).isNotBlank();
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofMinutes(15));

		get("/api/v1/users/me", byUsername.get("access_token").asString()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(id);
	}

	@Test
	void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() {
		Map<String, Object> account = account();
		register(account);
		String wrongPassword = problem(Map.of("login", account.get("username"), "password", "not-the-password-1"));
		String unknownUser = problem(Map.of("login", "nobody-" + account.get("username"), "password", "whatever-it-is"));
		String unknownEmail = problem(Map.of("login", "nobody@example.com", "password", "whatever-it-is"));
		assertThat(wrongPassword).isEqualTo(unknownUser).isEqualTo(unknownEmail);
	}

	@Test
	void refreshRotatesTheTokenAndReusingAnOldOneRevokesTheWholeSession() {
		JsonNode first = signedIn(Map.of());
		String original = first.get("refresh_token").asString();

		JsonNode second = json(refresh(original).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		String rotated = second.get("refresh_token").asString();
		assertThat(rotated).isNotEqualTo(original);
		assertThat(second.get("access_token").asString()).isNotEqualTo(first.get("access_token").asString());
		assertThat(second.get("user").get("id").asString()).isEqualTo(first.get("user").get("id").asString());
		get("/api/v1/users/me", second.get("access_token").asString()).expectStatus().isOk();

		// Someone replays the old token: it is refused and the legitimate successor dies with it.
		refresh(original).expectStatus().isUnauthorized().expectBody().jsonPath("$.type").isEqualTo(INVALID_REFRESH_TOKEN);
		refresh(rotated).expectStatus().isUnauthorized();
	}

	@Test
	void refreshNeedsAKnownWellFormedToken() {
		refresh("not-a-token-we-issued").expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(INVALID_REFRESH_TOKEN);
		post("/api/v1/auth/refresh", null, Map.of()).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/refresh_token");
		post("/api/v1/auth/refresh", null, Map.of("refresh_token", "x".repeat(129))).expectStatus().isBadRequest();
		post("/api/v1/auth/refresh", null, "{\"refresh_token\": ").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/malformed-request");
	}

	@Test
	void loginNeedsBothFields() {
		post("/api/v1/auth/login", null, Map.of("login", "someone")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/password");
		post("/api/v1/auth/login", null, Map.of("password", "whatever-it-is")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/login");
		post("/api/v1/auth/login", null, "not json").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/malformed-request");
	}

	@Test
	void signingOutRevokesTheRefreshTokenAndAnnouncesTheAccessToken() throws Exception {
		JsonNode tokens = signedIn(Map.of());
		String access = tokens.get("access_token").asString();
		String userId = tokens.get("user").get("id").asString();
		String jti = SignedJWT.parse(access).getJWTClaimsSet().getJWTID();

		post("/api/v1/auth/logout", access, Map.of("refresh_token", tokens.get("refresh_token").asString()))
			.expectStatus()
			.isNoContent();

		refresh(tokens.get("refresh_token").asString()).expectStatus().isUnauthorized();
		get("/api/v1/users/me", access).expectStatus().isUnauthorized();
		KafkaTopics.Record record = KafkaTopics.awaitRecord("emporium.user.access-token-revoked.v1",
				r -> userId.equals(r.key()) && r.value().contains(jti), Duration.ofSeconds(30));
		JsonNode envelope = json(record.value());
		assertThat(envelope.get("type").asString()).isEqualTo("AccessTokenRevoked");
		assertThat(envelope.get("source").asString()).isEqualTo("user-service");
		assertThat(envelope.get("data").get("jti").asString()).isEqualTo(jti);
		assertThat(envelope.get("data").get("userId").asString()).isEqualTo(userId);
		assertThat(envelope.get("data").get("expiresAt").isNull()).isFalse();
	}

	@Test
	void signingOutOneSessionLeavesTheOthersWorking() {
		Map<String, Object> account = account();
		register(account);
		JsonNode laptop = login((String) account.get("username"), (String) account.get("password"));
		JsonNode phone = login((String) account.get("username"), (String) account.get("password"));
		post("/api/v1/auth/logout", laptop.get("access_token").asString(),
				Map.of("refresh_token", laptop.get("refresh_token").asString()))
			.expectStatus()
			.isNoContent();
		get("/api/v1/users/me", phone.get("access_token").asString()).expectStatus().isOk();
		refresh(phone.get("refresh_token").asString()).expectStatus().isOk();
	}

	@Test
	void signingOutEverywhereRevokesEverySessionAndAnnouncesIt() {
		Map<String, Object> account = account();
		String userId = register(account).get("id").asString();
		JsonNode laptop = login((String) account.get("username"), (String) account.get("password"));
		JsonNode phone = login((String) account.get("email"), (String) account.get("password"));

		post("/api/v1/auth/logout-all", phone.get("access_token").asString(), null).expectStatus().isNoContent();

		refresh(laptop.get("refresh_token").asString()).expectStatus().isUnauthorized();
		refresh(phone.get("refresh_token").asString()).expectStatus().isUnauthorized();
		get("/api/v1/users/me", laptop.get("access_token").asString()).expectStatus().isUnauthorized();
		get("/api/v1/users/me", phone.get("access_token").asString()).expectStatus().isUnauthorized();
		// Signing in again afterwards works at once.
		String fresh = login((String) account.get("username"), (String) account.get("password")).get("access_token")
			.asString();
		get("/api/v1/users/me", fresh).expectStatus().isOk();
		KafkaTopics.Record record = KafkaTopics.awaitRecord("emporium.user.user-sessions-revoked.v1",
				r -> userId.equals(r.key()), Duration.ofSeconds(30));
		JsonNode data = json(record.value()).get("data");
		assertThat(data.get("userId").asString()).isEqualTo(userId);
		assertThat(data.has("revokedBefore")).isTrue();
	}

	@Test
	void signingOutNeedsAValidAccessToken() {
		post("/api/v1/auth/logout", null, null).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/unauthenticated");
		post("/api/v1/auth/logout-all", null, null).expectStatus().isUnauthorized();
		// Signed by a key this service never published.
		post("/api/v1/auth/logout-all", TestJwts.token("00000000-0000-0000-0000-000000000001", "ADMIN"), null)
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void theConfiguredFirstAdminCanSignIn() {
		JsonNode admin = login(ADMIN_EMAIL, ADMIN_PASSWORD);
		assertThat(admin.get("user").get("roles").get(0).asString()).isEqualTo("ADMIN");
		assertThat(admin.get("user").get("username").asString()).isEqualTo("admin");
	}

	private RestTestClient.ResponseSpec refresh(String token) {
		return post("/api/v1/auth/refresh", null, Map.of("refresh_token", token));
	}

	/** The problem's type, status and detail: what a caller can tell apart. */
	private String problem(Map<String, Object> body) {
		JsonNode problem = json(post("/api/v1/auth/login", null, body).expectStatus()
			.isUnauthorized()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(problem.get("type").asString()).isEqualTo(INVALID_CREDENTIALS);
		return problem.get("type").asString() + problem.get("status").asInt() + problem.get("detail").asString();
	}

}
