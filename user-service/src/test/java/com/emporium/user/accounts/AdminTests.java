package com.emporium.user.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.SignedJWT;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.KafkaTopics;
import com.emporium.user.UserServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class AdminTests extends UserServiceIntegrationTest {

	static final String USERS = "/api/v1/admin/users";

	static final String CONFLICT = "https://docs.emporium.example/problems/conflict";

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void adminsAndManagersFindAccountsByPartOfTheirEmailUsernameOrName() {
		String surname = "Hopper" + UUID.randomUUID().toString().substring(0, 6);
		Map<String, Object> vendor = account(Map.of("role", "VENDOR", "lastName", surname));
		String vendorId = register(vendor).get("id").asString();
		String admin = adminToken();
		String fragment = ((String) vendor.get("username")).substring(1).toUpperCase();

		JsonNode page = body(get(USERS + "?q=" + fragment, admin), 200);
		assertThat(page.get("totalItems").asLong()).isOne();
		JsonNode found = page.get("items").get(0);
		assertThat(found.get("id").asString()).isEqualTo(vendorId);
		assertThat(found.get("email").asString()).isEqualTo(vendor.get("email"));
		assertThat(found.get("active").asBoolean()).isTrue();
		assertThat(found.has("passwordHash")).isFalse();
		// The full name, in any case.
		assertThat(body(get(USERS + "?q=ada " + surname.toLowerCase(), admin), 200).get("items").get(0).get("id")
			.asString()).isEqualTo(vendorId);

		String manager = signedInWithRoles("MANAGER").get("access_token").asString();
		get(USERS + "?role=VENDOR&size=100", manager).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].roles")
			.value(roles -> assertThat(roles.toString()).contains("VENDOR"));
		get(USERS + "/" + vendorId, manager).expectStatus().isOk().expectBody().jsonPath("$.lastName").isEqualTo(surname);
		assertThat(body(get(USERS + "?active=false&q=" + fragment, admin), 200).get("totalItems").asLong()).isZero();
		// LIKE wildcards in the search text are plain characters.
		get(USERS + "?q=%25", admin).expectStatus().isOk().expectBody().jsonPath("$.totalItems").isEqualTo(0);
	}

	@Test
	void customersVendorsAndStrangersCannotSeeAccounts() {
		get(USERS, null).expectStatus().isUnauthorized();
		get(USERS, signedIn(Map.of()).get("access_token").asString()).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/forbidden");
		String vendor = signedIn(Map.of("role", "VENDOR")).get("access_token").asString();
		get(USERS, vendor).expectStatus().isForbidden();
		get(USERS + "/" + UUID.randomUUID(), vendor).expectStatus().isForbidden();
		// The old place of the list serves nothing any more.
		get("/api/v1/users", adminToken()).expectStatus().isNotFound();
	}

	@Test
	void badListParametersAreNamed() {
		String admin = adminToken();
		assertParameterRefused(get(USERS + "?role=KING", admin), "role");
		assertParameterRefused(get(USERS + "?size=1000", admin), "size");
		assertParameterRefused(get(USERS + "?active=maybe", admin), "active");
		assertParameterRefused(get(USERS + "?q=" + "x".repeat(101), admin), "q");
		assertParameterRefused(get(USERS + "/42", admin), "id");
		get(USERS + "/" + UUID.randomUUID(), admin).expectStatus().isNotFound();
	}

	@Test
	void anAdminOpensAccountsOfAnyRoleUnderTheRulesOfRegistration() {
		String admin = adminToken();
		Map<String, Object> account = account(Map.of("roles", List.of("MANAGER", "VENDOR")));
		JsonNode created = body(post(USERS, admin, account), 201);
		assertThat(created.get("roles").valueStream().map(JsonNode::asString)).containsExactly("VENDOR", "MANAGER");
		String id = created.get("id").asString();
		String hash = this.jdbc.queryForObject("SELECT password_hash FROM users WHERE id = ?::uuid", String.class, id);
		assertThat(hash).startsWith("$argon2id$");

		JsonNode manager = login((String) account.get("username"), (String) account.get("password"));
		assertThat(manager.get("user").get("roles").size()).isEqualTo(2);
		String managerToken = manager.get("access_token").asString();
		get(USERS + "/" + id, managerToken).expectStatus().isOk();
		post(USERS, managerToken, account()).expectStatus().isForbidden();
		post(USERS, signedIn(Map.of()).get("access_token").asString(), account()).expectStatus().isForbidden();

		long before = users();
		assertFieldRefused(post(USERS, admin, account(Map.of("roles", List.of("KING")))), "#/roles/0");
		assertFieldRefused(post(USERS, admin, account(Map.of("roles", List.of()))), "#/roles");
		assertFieldRefused(post(USERS, admin, account()), "#/roles");
		assertFieldRefused(post(USERS, admin, account(Map.of("roles", List.of("ADMIN"), "password", "short"))),
				"#/password");
		assertFieldRefused(post(USERS, admin, account(Map.of("roles", List.of("ADMIN"), "email", "nope"))), "#/email");
		post(USERS, admin, account(Map.of("roles", List.of("CUSTOMER"), "email", account.get("email"))))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/email");
		assertThat(users()).isEqualTo(before);
	}

	@Test
	void anAdminChangesAnAccountsEmailNamesAndPhone() {
		String admin = adminToken();
		Map<String, Object> account = account();
		String id = register(account).get("id").asString();
		String taken = register(account()).get("email").asString();
		String email = "Renamed-" + account.get("email");

		JsonNode changed = body(send(HttpMethod.PATCH, USERS + "/" + id, admin,
				Map.of("email", "  " + email.toUpperCase(), "firstName", " Grace ", "phone", "")), 200);
		assertThat(changed.get("email").asString()).isEqualTo(email.toLowerCase());
		assertThat(changed.get("firstName").asString()).isEqualTo("Grace");
		assertThat(changed.get("lastName").asString()).isEqualTo("Lovelace");
		assertThat(absent(changed, "phone")).isTrue();
		login(email, (String) account.get("password"));

		send(HttpMethod.PATCH, USERS + "/" + id, admin, Map.of("email", taken)).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/account-exists")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/email");
		assertFieldRefused(send(HttpMethod.PATCH, USERS + "/" + id, admin, Map.of("email", "not-an-email")), "#/email");
		assertFieldRefused(send(HttpMethod.PATCH, USERS + "/" + id, admin, Map.of("lastName", " ")), "#/lastName");
		send(HttpMethod.PATCH, USERS + "/" + UUID.randomUUID(), admin, Map.of("firstName", "X")).expectStatus()
			.isNotFound();
		send(HttpMethod.PATCH, USERS + "/" + id, signedInWithRoles("MANAGER").get("access_token").asString(),
				Map.of("firstName", "Mallory"))
			.expectStatus()
			.isForbidden();
		get(USERS + "/" + id, admin).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.email")
			.isEqualTo(email.toLowerCase())
			.jsonPath("$.firstName")
			.isEqualTo("Grace");
	}

	@Test
	void aDeactivatedAccountCannotSignInOrRefreshUntilAnAdminReactivatesIt() {
		Map<String, Object> account = account();
		String id = register(account).get("id").asString();
		JsonNode tokens = login((String) account.get("username"), (String) account.get("password"));
		String admin = adminToken();

		post(USERS + "/" + id + "/deactivation", admin, null).expectStatus().isNoContent();

		post("/api/v1/auth/login", null, Map.of("login", account.get("username"), "password", account.get("password")))
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/invalid-credentials");
		post("/api/v1/auth/refresh", null, Map.of("refresh_token", tokens.get("refresh_token").asString()))
			.expectStatus()
			.isUnauthorized();
		get("/api/v1/users/" + id, null).expectStatus().isNotFound();
		get("/api/v1/users/me", tokens.get("access_token").asString()).expectStatus().isUnauthorized();
		get(USERS + "/" + id, admin).expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);
		KafkaTopics.Record record = KafkaTopics.awaitRecord("emporium.user.user-sessions-revoked.v1",
				r -> id.equals(r.key()), Duration.ofSeconds(30));
		assertThat(json(record.value()).get("type").asString()).isEqualTo("UserSessionsRevoked");

		send(HttpMethod.DELETE, USERS + "/" + id + "/deactivation", admin, null).expectStatus().isNoContent();
		send(HttpMethod.DELETE, USERS + "/" + id + "/deactivation", admin, null).expectStatus().isNoContent();
		String fresh = login((String) account.get("username"), (String) account.get("password")).get("access_token")
			.asString();
		get("/api/v1/users/me", fresh).expectStatus().isOk();
		get("/api/v1/users/" + id, null).expectStatus().isOk();
	}

	@Test
	void onlyAdminsDeactivateOrDeleteAndNeverThemselves() {
		String target = register(account()).get("id").asString();
		String manager = signedInWithRoles("MANAGER").get("access_token").asString();
		post(USERS + "/" + target + "/deactivation", manager, null).expectStatus().isForbidden();
		send(HttpMethod.DELETE, USERS + "/" + target + "/deactivation", manager, null).expectStatus().isForbidden();
		send(HttpMethod.DELETE, USERS + "/" + target, manager, null).expectStatus().isForbidden();
		post(USERS + "/" + target + "/deactivation", signedIn(Map.of()).get("access_token").asString(), null)
			.expectStatus()
			.isForbidden();
		JsonNode admin = admin();
		String adminId = admin.get("user").get("id").asString();
		String token = admin.get("access_token").asString();
		post(USERS + "/" + adminId + "/deactivation", token, null).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(CONFLICT);
		send(HttpMethod.DELETE, USERS + "/" + adminId, token, null).expectStatus().isEqualTo(409);
		post(USERS + "/" + UUID.randomUUID() + "/deactivation", token, null).expectStatus().isNotFound();
		send(HttpMethod.DELETE, USERS + "/" + UUID.randomUUID(), token, null).expectStatus().isNotFound();
		get("/api/v1/users/" + target, null).expectStatus().isOk();
		get("/api/v1/users/me", token).expectStatus().isOk();
	}

	@Test
	void anAdminDeletesAnAccountWhoseIdStaysWithoutItsPersonalData() {
		Map<String, Object> account = account();
		String id = register(account).get("id").asString();
		JsonNode tokens = login((String) account.get("username"), (String) account.get("password"));
		String admin = adminToken();

		send(HttpMethod.DELETE, USERS + "/" + id, admin, null).expectStatus().isNoContent();

		JsonNode deleted = body(get(USERS + "/" + id, admin), 200);
		assertThat(deleted.get("deletedAt").isNull()).isFalse();
		assertThat(deleted.get("active").asBoolean()).isFalse();
		assertThat(deleted.get("email").asString()).startsWith("deleted:").doesNotContain("@");
		assertThat(deleted.toString()).doesNotContain((String) account.get("username"), "Lovelace", "7946");
		get("/api/v1/users/" + id, null).expectStatus().isNotFound();
		get("/api/v1/users/me", tokens.get("access_token").asString()).expectStatus().isUnauthorized();
		post("/api/v1/auth/login", null, Map.of("login", account.get("email"), "password", account.get("password")))
			.expectStatus()
			.isUnauthorized();
		assertThat(body(get(USERS + "?q=" + id.replace("-", ""), admin), 200).get("totalItems").asLong()).isZero();
		// Deleted is final: nothing changes it any more, deleting again changes nothing.
		send(HttpMethod.PATCH, USERS + "/" + id, admin, Map.of("firstName", "Lazarus")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(CONFLICT);
		send(HttpMethod.DELETE, USERS + "/" + id + "/deactivation", admin, null).expectStatus().isEqualTo(409);
		send(HttpMethod.PUT, USERS + "/" + id + "/roles/VENDOR", admin, null).expectStatus().isEqualTo(409);
		send(HttpMethod.DELETE, USERS + "/" + id, admin, null).expectStatus().isNoContent();
		KafkaTopics.awaitRecord("emporium.user.user-deleted.v1", r -> id.equals(r.key()), Duration.ofSeconds(30));
	}

	@Test
	void aRoleChangeRetiresTheOldTokensAndTheNextRefreshCarriesTheNewRoles() throws Exception {
		JsonNode customer = signedIn(Map.of());
		String id = customer.get("user").get("id").asString();
		String admin = adminToken();

		JsonNode granted = body(send(HttpMethod.PUT, USERS + "/" + id + "/roles/MANAGER", admin, null), 200);
		assertThat(granted.get("roles").valueStream().map(JsonNode::asString)).containsExactly("CUSTOMER", "MANAGER");
		// Granting it again changes nothing.
		body(send(HttpMethod.PUT, USERS + "/" + id + "/roles/MANAGER", admin, null), 200);

		get("/api/v1/users/me", customer.get("access_token").asString()).expectStatus().isUnauthorized();
		JsonNode refreshed = body(post("/api/v1/auth/refresh", null,
				Map.of("refresh_token", customer.get("refresh_token").asString())), 200);
		String token = refreshed.get("access_token").asString();
		assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("roles")).containsExactly("CUSTOMER",
				"MANAGER");
		get(USERS, token).expectStatus().isOk();
		get("/api/v1/users/me", token).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.permissions")
			.value(permissions -> assertThat(permissions.toString()).contains("users.read", "orders.place")
				.doesNotContain("users.manage"));
		KafkaTopics.awaitRecord("emporium.user.user-sessions-revoked.v1", r -> id.equals(r.key()),
				Duration.ofSeconds(30));

		// Token times are whole seconds: a revocation refuses the tokens issued before its second ends.
		Instant issuedAt = SignedJWT.parse(token).getJWTClaimsSet().getIssueTime().toInstant();
		Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> !Instant.now().isBefore(issuedAt));
		JsonNode removed = body(send(HttpMethod.DELETE, USERS + "/" + id + "/roles/CUSTOMER", admin, null), 200);
		assertThat(removed.get("roles").valueStream().map(JsonNode::asString)).containsExactly("MANAGER");
		get(USERS, token).expectStatus().isUnauthorized();
		send(HttpMethod.DELETE, USERS + "/" + id + "/roles/MANAGER", admin, null).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(CONFLICT);
		get(USERS + "/" + id, admin).expectStatus().isOk().expectBody().jsonPath("$.roles[0]").isEqualTo("MANAGER");
	}

	@Test
	void onlyAdminsChangeRolesAndNeverTheirOwnAdminRole() {
		String id = register(account()).get("id").asString();
		JsonNode admin = admin();
		String token = admin.get("access_token").asString();
		String manager = signedInWithRoles("MANAGER").get("access_token").asString();

		send(HttpMethod.PUT, USERS + "/" + id + "/roles/VENDOR", manager, null).expectStatus().isForbidden();
		send(HttpMethod.DELETE, USERS + "/" + id + "/roles/CUSTOMER", manager, null).expectStatus().isForbidden();
		assertParameterRefused(send(HttpMethod.PUT, USERS + "/" + id + "/roles/KING", token, null), "role");
		assertParameterRefused(send(HttpMethod.DELETE, USERS + "/" + id + "/roles/admin", token, null), "role");
		send(HttpMethod.PUT, USERS + "/" + UUID.randomUUID() + "/roles/VENDOR", token, null).expectStatus()
			.isNotFound();
		send(HttpMethod.DELETE, USERS + "/" + admin.get("user").get("id").asString() + "/roles/ADMIN", token, null)
			.expectStatus()
			.isEqualTo(409);
		get("/api/v1/users/me", token).expectStatus().isOk().expectBody().jsonPath("$.roles[0]").isEqualTo("ADMIN");
		get(USERS + "/" + id, token).expectStatus().isOk().expectBody().jsonPath("$.roles.length()").isEqualTo(1);
	}

	private void assertParameterRefused(RestTestClient.ResponseSpec response,
			String parameter) {
		JsonNode problem = body(response, 400);
		assertThat(problem.get("type").asString()).isEqualTo(RegistrationTests.VALIDATION_FAILED);
		assertThat(problem.get("errors").get(0).get("parameter").asString()).isEqualTo(parameter);
	}

	private void assertFieldRefused(RestTestClient.ResponseSpec response,
			String pointer) {
		JsonNode problem = body(response, 400);
		assertThat(problem.get("type").asString()).isEqualTo(RegistrationTests.VALIDATION_FAILED);
		assertThat(problem.get("errors").valueStream().map(error -> error.get("pointer").asString())).contains(pointer);
	}

	private long users() {
		return this.jdbc.queryForObject("SELECT count(*) FROM users", Long.class);
	}

}
