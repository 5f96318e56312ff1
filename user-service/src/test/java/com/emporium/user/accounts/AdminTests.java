package com.emporium.user.accounts;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.KafkaTopics;
import com.emporium.user.UserServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class AdminTests extends UserServiceIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void adminsAndManagersFindAccountsByPartOfTheirEmailOrUsername() {
		Map<String, Object> vendor = account(Map.of("role", "VENDOR"));
		String vendorId = register(vendor).get("id").asString();
		String admin = adminToken();
		String fragment = ((String) vendor.get("username")).substring(1).toUpperCase();

		JsonNode page = json(get("/api/v1/users?q=" + fragment, admin).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(page.get("totalItems").asLong()).isOne();
		JsonNode found = page.get("items").get(0);
		assertThat(found.get("id").asString()).isEqualTo(vendorId);
		assertThat(found.get("email").asString()).isEqualTo(vendor.get("email"));
		assertThat(found.get("active").asBoolean()).isTrue();

		get("/api/v1/users?role=VENDOR&size=100", managerToken()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].roles[0]")
			.value(roles -> assertThat(roles.toString()).doesNotContain("CUSTOMER", "ADMIN"));
		// LIKE wildcards in the search text are plain characters.
		get("/api/v1/users?q=%25", admin).expectStatus().isOk().expectBody().jsonPath("$.totalItems").isEqualTo(0);
	}

	@Test
	void customersVendorsAndStrangersCannotListAccounts() {
		get("/api/v1/users", null).expectStatus().isUnauthorized();
		get("/api/v1/users", signedIn(Map.of()).get("access_token").asString()).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/forbidden");
		get("/api/v1/users", signedIn(Map.of("role", "VENDOR")).get("access_token").asString()).expectStatus()
			.isForbidden();
	}

	@Test
	void badListParametersAreNamed() {
		String admin = adminToken();
		get("/api/v1/users?role=KING", admin).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].parameter")
			.isEqualTo("role");
		get("/api/v1/users?size=1000", admin).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].parameter")
			.isEqualTo("size");
		get("/api/v1/users?q=" + "x".repeat(101), admin).expectStatus().isBadRequest();
	}

	@Test
	void anAdminDeactivatesAnAccountWhichThenCannotSignInOrRefresh() {
		Map<String, Object> account = account();
		String id = register(account).get("id").asString();
		JsonNode tokens = login((String) account.get("username"), (String) account.get("password"));

		post("/api/v1/users/" + id + "/deactivation", adminToken(), null).expectStatus().isNoContent();

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
		KafkaTopics.Record record = KafkaTopics.awaitRecord("emporium.user.user-sessions-revoked.v1",
				r -> id.equals(r.key()), Duration.ofSeconds(30));
		assertThat(json(record.value()).get("type").asString()).isEqualTo("UserSessionsRevoked");
	}

	@Test
	void onlyAdminsDeactivateAndNeverThemselves() {
		String target = register(account()).get("id").asString();
		post("/api/v1/users/" + target + "/deactivation", managerToken(), null).expectStatus().isForbidden();
		post("/api/v1/users/" + target + "/deactivation", signedIn(Map.of()).get("access_token").asString(), null)
			.expectStatus()
			.isForbidden();
		JsonNode admin = login(ADMIN_EMAIL, ADMIN_PASSWORD);
		post("/api/v1/users/" + admin.get("user").get("id").asString() + "/deactivation",
				admin.get("access_token").asString(), null)
			.expectStatus()
			.isEqualTo(409);
		post("/api/v1/users/" + UUID.randomUUID() + "/deactivation", admin.get("access_token").asString(), null)
			.expectStatus()
			.isNotFound();
		get("/api/v1/users/" + target, null).expectStatus().isOk();
	}

	private String adminToken() {
		return login(ADMIN_EMAIL, ADMIN_PASSWORD).get("access_token").asString();
	}

	/** Nobody can become a manager through the API yet; promoted here directly. */
	private String managerToken() {
		Map<String, Object> account = account();
		String id = register(account).get("id").asString();
		this.jdbc.update("UPDATE users SET role = 'MANAGER' WHERE id = ?::uuid", id);
		return login((String) account.get("username"), (String) account.get("password")).get("access_token")
			.asString();
	}

}
