package com.emporium.user.addresses;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.user.UserServiceIntegrationTest;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class AddressTests extends UserServiceIntegrationTest {

	static final String ADDRESSES = "/api/v1/users/me/addresses";

	@Test
	void ownersAddReadReplaceAndRemoveTheirAddresses() {
		String token = signedIn(Map.of()).get("access_token").asString();
		Map<String, Object> home = address(Map.of("line2", " ", "region", "Greater London", "country", "gb"));

		JsonNode added = body(post(ADDRESSES, token, home), 201);
		String id = added.get("id").asString();
		assertThat(added.get("label").asString()).isEqualTo("HOME");
		assertThat(added.get("recipientName").asString()).isEqualTo("Ada Lovelace");
		assertThat(added.get("country").asString()).isEqualTo("GB");
		assertThat(absent(added, "line2")).isTrue();
		assertThat(added.get("defaultShipping").asBoolean()).isFalse();
		get(ADDRESSES + "/" + id, token).expectStatus().isOk().expectBody().jsonPath("$.city").isEqualTo("London");

		JsonNode replaced = body(send(HttpMethod.PUT, ADDRESSES + "/" + id, token,
				address(Map.of("label", "WORK", "city", " Cambridge ", "postalCode", "CB2 1TN"))), 200);
		assertThat(replaced.get("label").asString()).isEqualTo("WORK");
		assertThat(replaced.get("city").asString()).isEqualTo("Cambridge");
		assertThat(replaced.get("postalCode").asString()).isEqualTo("CB2 1TN");
		assertThat(absent(replaced, "region")).isTrue();
		body(post(ADDRESSES, token, address(Map.of("label", "OTHER"))), 201);

		JsonNode list = body(get(ADDRESSES, token), 200);
		assertThat(list.get("totalItems").asLong()).isEqualTo(2);
		assertThat(list.get("items").get(0).get("id").asString()).isEqualTo(id);

		send(HttpMethod.DELETE, ADDRESSES + "/" + id, token, null).expectStatus().isNoContent();
		get(ADDRESSES + "/" + id, token).expectStatus().isNotFound();
		assertThat(body(get(ADDRESSES, token), 200).get("totalItems").asLong()).isOne();
	}

	@Test
	void eachUserHasAtMostOneDefaultShippingAndOneDefaultBillingAddress() {
		String token = signedIn(Map.of()).get("access_token").asString();
		String first = body(post(ADDRESSES, token, address(Map.of("defaultShipping", true, "defaultBilling", true))),
				201)
			.get("id")
			.asString();
		String second = body(post(ADDRESSES, token, address(Map.of("defaultShipping", true))), 201).get("id")
			.asString();
		assertDefaults(token, Map.of(first, List.of(false, true), second, List.of(true, false)));

		send(HttpMethod.PUT, ADDRESSES + "/" + first, token,
				address(Map.of("defaultShipping", true, "defaultBilling", true)))
			.expectStatus()
			.isOk();
		assertDefaults(token, Map.of(first, List.of(true, true), second, List.of(false, false)));

		send(HttpMethod.PUT, ADDRESSES + "/" + second, token, address(Map.of("defaultBilling", true))).expectStatus()
			.isOk();
		assertDefaults(token, Map.of(first, List.of(true, false), second, List.of(false, true)));
	}

	@Test
	void anotherUsersAddressIsUnknownAndStaysAsItIs() {
		String owner = signedIn(Map.of()).get("access_token").asString();
		String id = body(post(ADDRESSES, owner, address(Map.of("defaultShipping", true))), 201).get("id").asString();
		String stranger = signedIn(Map.of()).get("access_token").asString();

		for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE)) {
			send(method, ADDRESSES + "/" + id, stranger, (method == HttpMethod.PUT) ? address(Map.of()) : null)
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://docs.emporium.example/problems/not-found");
		}
		assertThat(body(get(ADDRESSES, stranger), 200).get("totalItems").asLong()).isZero();
		get(ADDRESSES + "/" + id, owner).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.label")
			.isEqualTo("HOME")
			.jsonPath("$.defaultShipping")
			.isEqualTo(true);
		get(ADDRESSES + "/" + UUID.randomUUID(), owner).expectStatus().isNotFound();
		get(ADDRESSES, null).expectStatus().isUnauthorized();
		post(ADDRESSES, null, address(Map.of())).expectStatus().isUnauthorized();
	}

	@Test
	void badAddressesAreNamedAndNothingIsStored() {
		String token = signedIn(Map.of()).get("access_token").asString();
		assertRefused(token, address(Map.of("country", "XX")), "#/country");
		assertRefused(token, address(Map.of("country", "UK")), "#/country");
		assertRefused(token, address(Map.of("country", "GBR")), "#/country");
		assertRefused(token, without("country"), "#/country");
		assertRefused(token, address(Map.of("label", "CASTLE")), "#/label");
		assertRefused(token, without("label"), "#/label");
		assertRefused(token, without("line1"), "#/line1");
		assertRefused(token, address(Map.of("recipientName", " ")), "#/recipientName");
		assertRefused(token, address(Map.of("city", "C".repeat(101))), "#/city");
		assertRefused(token, address(Map.of("postalCode", "<script>")), "#/postalCode");
		assertRefused(token, address(Map.of("phone", "call me")), "#/phone");
		assertRefused(token, address(Map.of("phone", "+" + "4".repeat(20))), "#/phone");
		assertRefused(token, address(Map.of("defaultBilling", "yes please")), "#/defaultBilling");
		get(ADDRESSES + "/42", token).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].parameter")
			.isEqualTo("id");
		assertThat(body(get(ADDRESSES, token), 200).get("totalItems").asLong()).isZero();
	}

	@Test
	void anAddressBookHoldsAtMostTwentyAddresses() {
		String token = signedIn(Map.of()).get("access_token").asString();
		for (int i = 0; i < AddressBook.MAX_PER_USER; i++) {
			post(ADDRESSES, token, address(Map.of("line1", i + " Acacia Avenue"))).expectStatus().isCreated();
		}
		post(ADDRESSES, token, address(Map.of())).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/conflict")
			.jsonPath("$.maxAddresses")
			.isEqualTo(20);
		assertThat(body(get(ADDRESSES, token), 200).get("totalItems").asLong()).isEqualTo(20);
	}

	private void assertDefaults(String token, Map<String, List<Boolean>> expected) {
		JsonNode items = body(get(ADDRESSES, token), 200).get("items");
		Map<String, List<Boolean>> actual = new HashMap<>();
		items.valueStream()
			.forEach(item -> actual.put(item.get("id").asString(),
					List.of(item.get("defaultShipping").asBoolean(), item.get("defaultBilling").asBoolean())));
		assertThat(actual).isEqualTo(expected);
	}

	private void assertRefused(String token, Map<String, Object> address, String pointer) {
		JsonNode problem = body(post(ADDRESSES, token, address), 400);
		assertThat(problem.get("type").asString()).isEqualTo("https://docs.emporium.example/problems/validation-failed");
		assertThat(problem.get("errors").valueStream().map(error -> error.get("pointer").asString())).contains(pointer);
	}

	private static Map<String, Object> without(String field) {
		Map<String, Object> address = address(Map.of());
		address.remove(field);
		return address;
	}

	/** A valid address; {@code overrides} replace fields. */
	static Map<String, Object> address(Map<String, Object> overrides) {
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
