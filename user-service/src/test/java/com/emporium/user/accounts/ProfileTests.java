package com.emporium.user.accounts;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.user.UserServiceIntegrationTest;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileTests extends UserServiceIntegrationTest {

	@Test
	void ownersReadAndChangeTheirProfile() {
		JsonNode tokens = signedIn(Map.of());
		String token = tokens.get("access_token").asString();
		get("/api/v1/users/me", token).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(tokens.get("user").get("id").asString())
			.jsonPath("$.phone")
			.isEqualTo("+44 20 7946 0958");

		patch(token, Map.of("firstName", " Augusta ", "phone", "+1 (555) 010-9999")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.firstName")
			.isEqualTo("Augusta")
			.jsonPath("$.lastName")
			.isEqualTo("Lovelace");
		get("/api/v1/users/me", token).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.firstName")
			.isEqualTo("Augusta")
			.jsonPath("$.phone")
			.isEqualTo("+1 (555) 010-9999");

		patch(token, Map.of("phone", "")).expectStatus().isOk();
		get("/api/v1/users/me", token).expectStatus().isOk().expectBody().jsonPath("$.phone").doesNotExist();
	}

	@Test
	void theProfileNeedsATokenOfAnExistingUser() {
		get("/api/v1/users/me", null).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		patch(null, Map.of("firstName", "Mallory")).expectStatus().isUnauthorized();
		get("/api/v1/users/me", "not.a.jwt").expectStatus().isUnauthorized();
	}

	@Test
	void badProfileChangesAreNamed() {
		String token = signedIn(Map.of()).get("access_token").asString();
		assertRefused(token, Map.of("firstName", "   "), "#/firstName");
		assertRefused(token, Map.of("lastName", "L".repeat(101)), "#/lastName");
		assertRefused(token, Map.of("phone", "not a phone"), "#/phone");
		assertRefused(token, Map.of("firstName", Map.of("nested", "object")), "#/firstName");
		patch(token, "{\"firstName\": ").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/malformed-request");
		get("/api/v1/users/me", token).expectStatus().isOk().expectBody().jsonPath("$.firstName").isEqualTo("Ada");
	}

	@Test
	void anyoneSeesThePublicViewWithoutEmailPhoneOrName() {
		Map<String, Object> account = account(Map.of("role", "VENDOR"));
		String id = register(account).get("id").asString();
		String body = get("/api/v1/users/" + id, null).expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		JsonNode user = json(body);
		assertThat(user.get("username").asString()).isEqualTo(account.get("username"));
		assertThat(user.get("roles").get(0).asString()).isEqualTo("VENDOR");
		assertThat(body).doesNotContain((String) account.get("email"), "7946", "Lovelace", "email", "phone");
	}

	@Test
	void unknownOrMalformedUserIdsAreProblems() {
		get("/api/v1/users/" + UUID.randomUUID(), null).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/not-found");
		get("/api/v1/users/42", null).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].parameter")
			.isEqualTo("id");
	}

	private void assertRefused(String token, Map<String, Object> change, String pointer) {
		patch(token, new HashMap<>(change)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo(pointer);
	}

	private RestTestClient.ResponseSpec patch(String token, Object body) {
		RestTestClient.RequestBodySpec request = this.http.patch()
			.uri("/api/v1/users/me")
			.contentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request.body(body).exchange();
	}

}
