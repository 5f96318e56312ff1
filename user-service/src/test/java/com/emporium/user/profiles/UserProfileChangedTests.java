package com.emporium.user.profiles;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.KafkaTopics;
import com.emporium.user.UserServiceIntegrationTest;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code UserProfileChanged} on the embedded Kafka: which changes announce the profile, and what it
 * carries. Versions grow by one per event of a user, so "the next event has the next version" also
 * proves that the changes in between announced nothing.
 */
class UserProfileChangedTests extends UserServiceIntegrationTest {

	static final String TOPIC = "emporium.user.user-profile-changed.v1";

	static final String ADDRESSES = "/api/v1/users/me/addresses";

	@Test
	void everyRegistrationAnnouncesTheProfileWhateverTheRole() {
		for (String role : List.of("CUSTOMER", "VENDOR")) {
			Map<String, Object> account = account(Map.of("role", role, "firstName", "Ada " + role));
			String id = register(account).get("id").asString();
			JsonNode event = awaitVersion(id, 1);
			assertThat(event.get("email").asString()).isEqualTo(account.get("email"));
			assertThat(event.get("firstName").asString()).isEqualTo("Ada " + role);
			assertThat(event.get("lastName").asString()).isEqualTo("Lovelace");
			assertThat(event.get("defaultShippingAddress").isNull()).isTrue();
			assertThat(event.get("defaultBillingAddress").isNull()).isTrue();
			assertThat(event.get("occurredAt").asString()).isNotBlank();
		}
		for (String role : List.of("MANAGER", "ADMIN")) {
			Map<String, Object> account = account(Map.of("roles", List.of(role)));
			account.remove("role");
			String id = body(post("/api/v1/admin/users", adminToken(), account), 201).get("id").asString();
			assertThat(awaitVersion(id, 1).get("email").asString()).isEqualTo(account.get("email"));
		}
	}

	@Test
	void theEnvelopeNamesTheEventAndIsKeyedByTheUser() {
		String id = register(account()).get("id").asString();
		KafkaTopics.Record record = KafkaTopics.awaitRecord(TOPIC, candidate -> id.equals(candidate.key()),
				Duration.ofSeconds(30));
		JsonNode envelope = json(record.value());
		assertThat(envelope.get("type").asString()).isEqualTo("UserProfileChanged");
		assertThat(envelope.get("source").asString()).isEqualTo("user-service");
		assertThat(envelope.get("subject").asString()).isEqualTo(id);
		assertThat(envelope.get("data").get("userId").asString()).isEqualTo(id);
		assertThat(envelope.get("data").get("eventId").asString()).isEqualTo(envelope.get("id").asString());
	}

	@Test
	void aProfileEditOfTheNamesIsAnnouncedButOneOfThePhoneOrPreferencesAloneIsNot() {
		Map<String, Object> account = account();
		String id = register(account).get("id").asString();
		String token = login((String) account.get("username"), (String) account.get("password")).get("access_token")
			.asString();
		awaitVersion(id, 1);
		body(send(HttpMethod.PATCH, "/api/v1/users/me", token, Map.of("phone", "+49 30 1234567")), 200);
		body(send(HttpMethod.PATCH, "/api/v1/users/me", token,
				Map.of("preferences", Map.of("interests", List.of("tea")))), 200);
		body(send(HttpMethod.PATCH, "/api/v1/users/me", token, Map.of("lastName", " Byron ")), 200);

		JsonNode event = awaitVersion(id, 2);
		assertThat(event.get("lastName").asString()).isEqualTo("Byron");
		assertThat(event.get("firstName").asString()).isEqualTo("Ada");
		assertThat(events(id)).hasSize(2);
	}

	@Test
	void anAdminsChangeOfTheEmailIsAnnounced() {
		Map<String, Object> account = account();
		String id = register(account).get("id").asString();
		String email = "renamed-" + account.get("email");
		body(send(HttpMethod.PATCH, "/api/v1/admin/users/" + id, adminToken(), Map.of("email", email.toUpperCase())),
				200);
		JsonNode event = awaitVersion(id, 2);
		assertThat(event.get("email").asString()).isEqualTo(email);
		assertThat(event.get("firstName").asString()).isEqualTo("Ada");
	}

	@Test
	void settingEditingAndRemovingADefaultAddressIsAnnouncedAndOtherAddressChangesAreNot() {
		Map<String, Object> account = account();
		String id = register(account).get("id").asString();
		String token = login((String) account.get("username"), (String) account.get("password")).get("access_token")
			.asString();
		String plain = body(post(ADDRESSES, token, address(Map.of("city", "Bath"))), 201).get("id").asString();
		String home = body(post(ADDRESSES, token,
				address(Map.of("defaultShipping", true, "defaultBilling", true, "line2", "Flat 2", "region", "London"))),
				201)
			.get("id")
			.asString();

		JsonNode both = awaitVersion(id, 2);
		JsonNode shipping = both.get("defaultShippingAddress");
		assertThat(shipping.get("addressId").asString()).isEqualTo(home);
		assertThat(shipping.get("label").asString()).isEqualTo("HOME");
		assertThat(shipping.get("recipientName").asString()).isEqualTo("Ada Lovelace");
		assertThat(shipping.get("line1").asString()).isEqualTo("12 St James's Square");
		assertThat(shipping.get("line2").asString()).isEqualTo("Flat 2");
		assertThat(shipping.get("city").asString()).isEqualTo("London");
		assertThat(shipping.get("region").asString()).isEqualTo("London");
		assertThat(shipping.get("postalCode").asString()).isEqualTo("SW1Y 4JH");
		assertThat(shipping.get("country").asString()).isEqualTo("GB");
		assertThat(shipping.get("phone").asString()).isEqualTo("+44 20 7946 0958");
		assertThat(both.get("defaultBillingAddress").get("addressId").asString()).isEqualTo(home);

		// Editing an address that is no default announces nothing; editing the default does.
		body(send(HttpMethod.PUT, ADDRESSES + "/" + plain, token, address(Map.of("city", "Cambridge"))), 200);
		body(send(HttpMethod.PUT, ADDRESSES + "/" + home, token,
				address(Map.of("defaultShipping", true, "defaultBilling", true, "city", "Oxford"))), 200);
		assertThat(awaitVersion(id, 3).get("defaultShippingAddress").get("city").asString()).isEqualTo("Oxford");

		// Another address takes the billing default.
		body(send(HttpMethod.PUT, ADDRESSES + "/" + plain, token, address(Map.of("defaultBilling", true))), 200);
		JsonNode split = awaitVersion(id, 4);
		assertThat(split.get("defaultShippingAddress").get("addressId").asString()).isEqualTo(home);
		assertThat(split.get("defaultBillingAddress").get("addressId").asString()).isEqualTo(plain);

		// Removing the default shipping address leaves none.
		send(HttpMethod.DELETE, ADDRESSES + "/" + home, token, null).expectStatus().isNoContent();
		JsonNode removed = awaitVersion(id, 5);
		assertThat(removed.get("defaultShippingAddress").isNull()).isTrue();
		assertThat(removed.get("defaultBillingAddress").get("addressId").asString()).isEqualTo(plain);
		assertThat(events(id)).hasSize(5);
	}

	@Test
	void aDeletedAccountIsNotAnnouncedAgain() {
		Map<String, Object> account = account();
		String id = register(account).get("id").asString();
		String token = login((String) account.get("username"), (String) account.get("password")).get("access_token")
			.asString();
		body(post(ADDRESSES, token, address(Map.of("defaultShipping", true))), 201);
		awaitVersion(id, 2);
		send(HttpMethod.DELETE, "/api/v1/users/me", token, Map.of("password", account.get("password"))).expectStatus()
			.isNoContent();
		KafkaTopics.awaitRecord("emporium.user.user-deleted.v1", record -> id.equals(record.key()),
				Duration.ofSeconds(30));
		assertThat(events(id)).hasSize(2);
	}

	/** Waits for the user's event with this version; its {@code data}. */
	private static JsonNode awaitVersion(String userId, long version) {
		KafkaTopics.Record record = KafkaTopics.awaitRecord(TOPIC,
				candidate -> userId.equals(candidate.key())
						&& json(candidate.value()).get("data").get("version").asLong() == version,
				Duration.ofSeconds(30));
		JsonNode data = json(record.value()).get("data");
		assertThat(data.get("userId").asString()).isEqualTo(userId);
		return data;
	}

	/** Every event of the user on the topic now, by version. */
	private static List<JsonNode> events(String userId) {
		return KafkaTopics.readAll(TOPIC)
			.stream()
			.filter(record -> userId.equals(record.key()))
			.map(record -> json(record.value()).get("data"))
			.sorted(Comparator.comparingLong(data -> data.get("version").asLong()))
			.toList();
	}

	private static Map<String, Object> address(Map<String, Object> overrides) {
		Map<String, Object> address = new HashMap<>();
		address.put("label", "HOME");
		address.put("recipientName", "Ada Lovelace");
		address.put("line1", "12 St James's Square");
		address.put("city", "London");
		address.put("postalCode", "SW1Y 4JH");
		address.put("country", "GB");
		address.put("phone", "+44 20 7946 0958");
		address.putAll(overrides);
		return address;
	}

}
