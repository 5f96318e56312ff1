package com.emporium.user.accounts;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.user.UserServiceIntegrationTest;

import org.springframework.http.HttpMethod;
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
	void ownersKeepPreferencesWhichAChangeReplacesAsAWhole() {
		JsonNode tokens = signedIn(Map.of());
		String token = tokens.get("access_token").asString();
		JsonNode fresh = body(get("/api/v1/users/me", token), 200);
		assertThat(fresh.get("preferences").get("interests").size()).isZero();
		assertThat(fresh.get("preferences").get("newsletter").asBoolean()).isFalse();
		assertThat(absent(fresh, "usernameChangedAt")).isTrue();
		assertThat(fresh.get("permissions").valueStream().map(JsonNode::asString)).contains("orders.place")
			.doesNotContain("users.read");

		Map<String, Object> preferences = Map.of("interests", List.of(" Lanterns ", "tea", "LANTERNS"),
				"favouriteCategories", List.of("home-decor", "kitchen"), "priceRange",
				Map.of("min", "5", "max", 120.5, "currency", "gbp"), "newsletter", true);
		JsonNode changed = body(patch(token, Map.of("preferences", preferences)), 200);
		JsonNode stored = changed.get("preferences");
		assertThat(stored.get("interests").valueStream().map(JsonNode::asString)).containsExactly("Lanterns", "tea");
		assertThat(stored.get("favouriteCategories").valueStream().map(JsonNode::asString)).containsExactly("home-decor",
				"kitchen");
		assertThat(stored.get("priceRange").get("min").decimalValue()).isEqualByComparingTo("5");
		assertThat(stored.get("priceRange").get("max").decimalValue()).isEqualByComparingTo("120.50");
		assertThat(stored.get("priceRange").get("currency").asString()).isEqualTo("GBP");
		assertThat(stored.get("newsletter").asBoolean()).isTrue();
		assertThat(Instant.parse(changed.get("updatedAt").asString()))
			.isAfter(Instant.parse(fresh.get("updatedAt").asString()));

		// A change without preferences keeps them; one with preferences replaces them all.
		patch(token, Map.of("lastName", "Byron")).expectStatus().isOk();
		JsonNode kept = body(get("/api/v1/users/me", token), 200);
		assertThat(kept.get("preferences")).isEqualTo(stored);
		JsonNode replaced = body(patch(token, Map.of("preferences", Map.of("newsletter", true))), 200)
			.get("preferences");
		assertThat(replaced.get("interests").size()).isZero();
		assertThat(absent(replaced, "priceRange")).isTrue();
		assertThat(replaced.get("newsletter").asBoolean()).isTrue();
	}

	@Test
	void badPreferencesAreNamedAndChangeNothing() {
		String token = signedIn(Map.of()).get("access_token").asString();
		Map<String, Object> range = Map.of("min", 10, "max", 20, "currency", "EUR");
		assertRefused(token, preferences("interests", Collections.nCopies(21, "tea")), "#/preferences/interests");
		assertRefused(token, preferences("interests", List.of("tea", " ")), "#/preferences/interests/1");
		assertRefused(token, preferences("interests", List.of("x".repeat(41))), "#/preferences/interests/0");
		assertRefused(token, preferences("favouriteCategories", List.of("Home Decor")),
				"#/preferences/favouriteCategories/0");
		assertRefused(token, preferences("priceRange", with(range, "min", -1)), "#/preferences/priceRange/min");
		assertRefused(token, preferences("priceRange", with(range, "max", 1.005)), "#/preferences/priceRange/max");
		assertRefused(token, preferences("priceRange", with(range, "max", 9)), "#/preferences/priceRange/max");
		assertRefused(token, preferences("priceRange", with(range, "currency", "XYZ")),
				"#/preferences/priceRange/currency");
		assertRefused(token, preferences("priceRange", with(range, "currency", null)),
				"#/preferences/priceRange/currency");
		assertRefused(token, preferences("priceRange", with(range, "min", "cheap")), "#/preferences/priceRange/min");
		assertRefused(token, preferences("newsletter", "sometimes"), "#/preferences/newsletter");
		JsonNode me = body(get("/api/v1/users/me", token), 200);
		assertThat(me.get("preferences").get("interests").size()).isZero();
		assertThat(absent(me.get("preferences"), "priceRange")).isTrue();
	}

	@Test
	void ownersChangeTheirUsernameUnderTheRulesOfRegistration() {
		Map<String, Object> account = account();
		register(account);
		JsonNode tokens = login((String) account.get("username"), (String) account.get("password"));
		String token = tokens.get("access_token").asString();
		String renamed = "r" + account.get("username");

		JsonNode changed = body(send(HttpMethod.PUT, "/api/v1/users/me/username", token, Map.of("username", renamed)),
				200);
		assertThat(changed.get("username").asString()).isEqualTo(renamed);
		assertThat(changed.get("usernameChangedAt").asString()).isNotBlank();
		login(renamed.toUpperCase(), (String) account.get("password"));
		get("/api/v1/auth/username-availability?username=" + account.get("username"), null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.available")
			.isEqualTo(true);

		String taken = register(account()).get("username").asString();
		send(HttpMethod.PUT, "/api/v1/users/me/username", token, Map.of("username", taken.toUpperCase()))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/account-exists")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("#/username");
		for (Object bad : List.of("ab", "has space", "x".repeat(31), "deleted:abc")) {
			send(HttpMethod.PUT, "/api/v1/users/me/username", token, Map.of("username", bad)).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].pointer")
				.isEqualTo("#/username");
		}
		send(HttpMethod.PUT, "/api/v1/users/me/username", token, Map.of()).expectStatus().isBadRequest();
		send(HttpMethod.PUT, "/api/v1/users/me/username", null, Map.of("username", "nobody-at-all")).expectStatus()
			.isUnauthorized();
		get("/api/v1/users/me", token).expectStatus().isOk().expectBody().jsonPath("$.username").isEqualTo(renamed);
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

	private static Map<String, Object> preferences(String member, Object value) {
		return Map.of("preferences", with(Map.of(), member, value));
	}

	/** A copy with one member set (or, for null, sent as null). */
	private static Map<String, Object> with(Map<String, Object> map, String member, Object value) {
		Map<String, Object> copy = new HashMap<>(map);
		copy.put(member, value);
		return copy;
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
