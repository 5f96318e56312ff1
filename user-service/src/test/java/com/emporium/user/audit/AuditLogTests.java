package com.emporium.user.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.user.UserServiceIntegrationTest;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogTests extends UserServiceIntegrationTest {

	static final String AUDIT_LOG = "/api/v1/admin/audit-log";

	static final String USERS = "/api/v1/admin/users";

	@Test
	void everyAdminActionIsRecordedNewestFirstWithoutSecrets() {
		JsonNode admin = admin();
		String adminId = admin.get("user").get("id").asString();
		String token = admin.get("access_token").asString();
		Map<String, Object> account = account(Map.of("roles", List.of("CUSTOMER")));
		String id = body(post(USERS, token, account), 201).get("id").asString();
		send(HttpMethod.PATCH, USERS + "/" + id, token, Map.of("lastName", "Byron")).expectStatus().isOk();
		post(USERS + "/" + id + "/deactivation", token, null).expectStatus().isNoContent();
		send(HttpMethod.DELETE, USERS + "/" + id + "/deactivation", token, null).expectStatus().isNoContent();
		send(HttpMethod.PUT, USERS + "/" + id + "/roles/VENDOR", token, null).expectStatus().isOk();
		send(HttpMethod.DELETE, USERS + "/" + id + "/roles/CUSTOMER", token, null).expectStatus().isOk();
		// Changing nothing records nothing; a refused change neither.
		send(HttpMethod.PUT, USERS + "/" + id + "/roles/VENDOR", token, null).expectStatus().isOk();
		send(HttpMethod.DELETE, USERS + "/" + id + "/roles/VENDOR", token, null).expectStatus().isEqualTo(409);

		JsonNode entries = entries("?target=" + id, token);
		assertThat(entries.valueStream().map(entry -> entry.get("action").asString())).containsExactly("ROLE_REMOVED",
				"ROLE_ASSIGNED", "USER_REACTIVATED", "USER_DEACTIVATED", "USER_UPDATED", "USER_CREATED");
		assertThat(entries.valueStream().map(entry -> entry.get("actorId").asString())).containsOnly(adminId);
		JsonNode created = entries.get(5);
		assertThat(absent(created, "before")).isTrue();
		assertThat(created.get("after").get("email").asString()).isEqualTo(account.get("email"));
		JsonNode updated = entries.get(4);
		assertThat(updated.get("before").get("lastName").asString()).isEqualTo("Lovelace");
		assertThat(updated.get("after").get("lastName").asString()).isEqualTo("Byron");
		assertThat(entries.get(0).get("before").get("roles").size()).isEqualTo(2);
		assertThat(entries.get(0).get("after").get("roles").get(0).asString()).isEqualTo("VENDOR");
		assertThat(entries.toString()).doesNotContain("password", "argon2");

		// Deleting the account keeps the entries but strips its personal data from them.
		send(HttpMethod.DELETE, USERS + "/" + id, token, null).expectStatus().isNoContent();
		JsonNode afterDeletion = entries("?target=" + id, token);
		assertThat(afterDeletion.get(0).get("action").asString()).isEqualTo("USER_DELETED");
		assertThat(afterDeletion.get(0).get("after").get("deletedAt").asString()).isNotBlank();
		assertThat(afterDeletion.size()).isEqualTo(7);
		assertThat(afterDeletion.toString()).doesNotContain((String) account.get("email"),
				(String) account.get("username"), "Lovelace", "Byron", "7946");
	}

	@Test
	void entriesAreFilteredByActorTargetAndAction() {
		String token = adminToken();
		String first = register(account()).get("id").asString();
		String second = register(account()).get("id").asString();
		post(USERS + "/" + first + "/deactivation", token, null).expectStatus().isNoContent();
		post(USERS + "/" + second + "/deactivation", token, null).expectStatus().isNoContent();
		send(HttpMethod.PUT, USERS + "/" + second + "/roles/VENDOR", token, null).expectStatus().isOk();

		JsonNode deactivations = entries("?action=USER_DEACTIVATED&size=100", token);
		assertThat(deactivations.valueStream().map(entry -> entry.get("targetId").asString())).contains(first, second);
		assertThat(deactivations.valueStream().map(entry -> entry.get("action").asString()))
			.containsOnly("USER_DEACTIVATED");
		assertThat(entries("?target=" + second + "&action=ROLE_ASSIGNED", token).size()).isOne();
		assertThat(entries("?actor=" + UUID.randomUUID(), token).size()).isZero();
		JsonNode page = body(get(AUDIT_LOG + "?target=" + second + "&size=1&page=1", token), 200);
		assertThat(page.get("totalItems").asLong()).isEqualTo(2);
		assertThat(page.get("items").get(0).get("action").asString()).isEqualTo("USER_DEACTIVATED");
	}

	@Test
	void onlyAdminsReadTheLogAndBadFiltersAreNamed() {
		get(AUDIT_LOG, null).expectStatus().isUnauthorized();
		get(AUDIT_LOG, signedInWithRoles("MANAGER").get("access_token").asString()).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/forbidden");
		get(AUDIT_LOG, signedIn(Map.of()).get("access_token").asString()).expectStatus().isForbidden();
		String token = adminToken();
		for (String parameter : List.of("action=EXPLODED", "actor=42", "target=nobody", "size=101", "page=-1")) {
			get(AUDIT_LOG + "?" + parameter, token).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].parameter")
				.isEqualTo(parameter.substring(0, parameter.indexOf('=')));
		}
	}

	private JsonNode entries(String query, String token) {
		return body(get(AUDIT_LOG + query, token), 200).get("items");
	}

}
