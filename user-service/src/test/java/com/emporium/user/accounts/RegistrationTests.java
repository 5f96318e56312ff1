package com.emporium.user.accounts;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.KafkaTopics;
import com.emporium.user.UserServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationTests extends UserServiceIntegrationTest {

	static final String VALIDATION_FAILED = "https://docs.emporium.example/problems/validation-failed";

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void registersACustomerByDefaultWithANormalisedEmailAndAnArgon2idHash() {
		Map<String, Object> account = account();
		String email = (String) account.get("email");
		account.put("email", "  " + email.toUpperCase() + "\t");
		String body = post("/api/v1/auth/register", null, account).expectStatus()
			.isCreated()
			.expectHeader()
			.value("Location", location -> assertThat(location).startsWith("/api/v1/users/"))
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		JsonNode user = json(body);
		assertThat(user.get("email").asString()).isEqualTo(email);
		assertThat(user.get("roles").get(0).asString()).isEqualTo("CUSTOMER");
		assertThat(user.get("firstName").asString()).isEqualTo("Ada");
		assertThat(body).doesNotContain("password", "argon2");
		String hash = this.jdbc.queryForObject("SELECT password_hash FROM users WHERE id = ?::uuid", String.class,
				user.get("id").asString());
		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
	}

	@Test
	void aVendorsRegistrationIsAnnouncedWithoutPersonalData() {
		Map<String, Object> account = account(Map.of("role", "VENDOR"));
		String id = register(account).get("id").asString();
		KafkaTopics.Record record = KafkaTopics.awaitRecord("emporium.user.user-registered.v1",
				r -> id.equals(r.key()), Duration.ofSeconds(30));
		JsonNode envelope = json(record.value());
		assertThat(envelope.get("type").asString()).isEqualTo("UserRegistered");
		assertThat(envelope.get("subject").asString()).isEqualTo(id);
		JsonNode data = envelope.get("data");
		assertThat(data.get("userId").asString()).isEqualTo(id);
		assertThat(data.get("username").asString()).isEqualTo(account.get("username"));
		assertThat(data.get("roles").get(0).asString()).isEqualTo("VENDOR");
		assertThat(record.value()).doesNotContain((String) account.get("email"), "Lovelace", "7946");
	}

	@Test
	void nobodyRegistersThemselvesAsAdminOrManager() {
		long before = users();
		for (String role : List.of("ADMIN", "MANAGER", "SUPERUSER")) {
			post("/api/v1/auth/register", null, account(Map.of("role", role))).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].pointer")
				.isEqualTo("#/role")
				.jsonPath("$.errors[0].detail")
				.isEqualTo("must be CUSTOMER or VENDOR");
		}
		assertThat(users()).isEqualTo(before);
	}

	@Test
	void aTakenEmailOrUsernameIsAConflictNamingTheField() {
		Map<String, Object> first = account();
		register(first);
		long before = users();
		post("/api/v1/auth/register", null, account(Map.of("email", first.get("email")))).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/account-exists")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/email");
		String shouted = ((String) first.get("username")).toUpperCase();
		post("/api/v1/auth/register", null, account(Map.of("username", shouted))).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/username");
		assertThat(users()).isEqualTo(before);
	}

	@Test
	void weakPasswordsAreRefusedSayingWhy() {
		long before = users();
		assertPasswordRefused(account(Map.of("password", "short-one")), "must be at least 12 characters long");
		assertPasswordRefused(account(Map.of("password", "x".repeat(129))), "must be at most 128 characters long");
		Map<String, Object> withUsername = account();
		withUsername.put("password", "my-name-is-" + withUsername.get("username"));
		assertPasswordRefused(withUsername, "must not contain the username");
		assertPasswordRefused(account(Map.of("email", "gwendolyn@example.com", "password", "GWENDOLYN-rocks-2026")),
				"must not contain the email address");
		assertPasswordRefused(account(Map.of("password", "Password1234")), "is too common: choose a less guessable one");
		assertThat(users()).isEqualTo(before);
	}

	@Test
	void invalidFieldsAreNamedAndNothingIsCreated() {
		long before = users();
		assertFieldRefused(account(Map.of("email", "not-an-email")), "#/email");
		assertFieldRefused(account(Map.of("email", "a".repeat(250) + "@example.com")), "#/email");
		assertFieldRefused(without("email"), "#/email");
		assertFieldRefused(account(Map.of("username", "ab")), "#/username");
		assertFieldRefused(account(Map.of("username", "spaces are bad")), "#/username");
		assertFieldRefused(account(Map.of("username", "x".repeat(31))), "#/username");
		assertFieldRefused(without("password"), "#/password");
		assertFieldRefused(without("firstName"), "#/firstName");
		assertFieldRefused(account(Map.of("lastName", "L".repeat(101))), "#/lastName");
		assertFieldRefused(account(Map.of("phone", "call me maybe")), "#/phone");
		assertFieldRefused(account(Map.of("phone", "+" + "1".repeat(20))), "#/phone");
		assertFieldRefused(account(Map.of("username", List.of("an", "array"))), "#/username");
		post("/api/v1/auth/register", null, "{\"email\": \"x@example.com\",").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/malformed-request");
		this.http.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.TEXT_PLAIN)
			.body("hello")
			.exchange()
			.expectStatus()
			.isEqualTo(415);
		assertThat(users()).isEqualTo(before);
	}

	@Test
	void tellsWhetherAUsernameIsStillFreeIgnoringCase() {
		Map<String, Object> account = account();
		register(account);
		String taken = ((String) account.get("username")).toUpperCase();
		get("/api/v1/auth/username-availability?username=" + taken, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.available")
			.isEqualTo(false);
		get("/api/v1/auth/username-availability?username=free-" + account.get("username"), null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.available")
			.isEqualTo(true);
		get("/api/v1/auth/username-availability?username=a", null).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].parameter")
			.isEqualTo("username");
		get("/api/v1/auth/username-availability", null).expectStatus().isBadRequest();
	}

	private void assertPasswordRefused(Map<String, Object> account, String why) {
		post("/api/v1/auth/register", null, account).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(VALIDATION_FAILED)
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/password")
			.jsonPath("$.errors[0].detail")
			.isEqualTo(why);
	}

	private void assertFieldRefused(Map<String, Object> account, String pointer) {
		JsonNode problem = json(post("/api/v1/auth/register", null, account).expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(problem.get("type").asString()).isEqualTo(VALIDATION_FAILED);
		assertThat(problem.get("errors").valueStream().map(error -> error.get("pointer").asString()))
			.contains(pointer);
	}

	private static Map<String, Object> without(String field) {
		Map<String, Object> overrides = new HashMap<>();
		overrides.put(field, null);
		return account(overrides);
	}

	private long users() {
		return this.jdbc.queryForObject("SELECT count(*) FROM users", Long.class);
	}

}
