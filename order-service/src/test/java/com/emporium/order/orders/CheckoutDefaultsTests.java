package com.emporium.order.orders;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.order.OrderServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Checkout addresses left out are taken from the customer profile read model. */
class CheckoutDefaultsTests extends OrderServiceIntegrationTest {

	@Test
	void missingAddressesAreTheProfilesDefaultsAndTheShippingOneSetsTheTax() {
		Customer ada = Customer.create();
		profile(ada, "ada@example.com", profileAddress("Ada Lovelace", "London", "SW1Y 4JH", "GB"),
				profileAddress("Ada Accounts", "Cambridge", "CB2 1TN", "GB"), 1);
		cart(ada);

		JsonNode order = body(checkout(ada.token(), UUID.randomUUID().toString(), Map.of("paymentMethod", "CARD")),
				201);
		JsonNode shipping = order.get("shippingAddress");
		assertThat(shipping.get("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(shipping.get("line1").asString()).isEqualTo("12 St James's Square");
		assertThat(shipping.get("line2").isNull()).isTrue();
		assertThat(shipping.get("city").asString()).isEqualTo("London");
		assertThat(shipping.get("postalCode").asString()).isEqualTo("SW1Y 4JH");
		assertThat(shipping.get("country").asString()).isEqualTo("GB");
		assertThat(order.get("billingAddress").get("name").asString()).isEqualTo("Ada Accounts");
		assertThat(order.get("billingAddress").get("city").asString()).isEqualTo("Cambridge");
		// GB's rate (0.20), not the default one (0.10): the defaulted address is the shipping address.
		assertThat(order.get("tax").decimalValue()).isEqualByComparingTo("4.00");
	}

	@Test
	void anAddressSentWinsOverTheProfilesDefault() {
		Customer ada = Customer.create();
		profile(ada, "ada@example.com", profileAddress("Ada Lovelace", "London", "SW1Y 4JH", "GB"),
				profileAddress("Ada Accounts", "Cambridge", "CB2 1TN", "GB"), 1);
		cart(ada);
		Map<String, Object> request = order("DE", "CARD");
		request.remove("billingAddress");

		JsonNode order = body(checkout(ada.token(), UUID.randomUUID().toString(), request), 201);
		assertThat(order.get("shippingAddress").get("city").asString()).isEqualTo("Berlin");
		assertThat(order.get("shippingAddress").get("country").asString()).isEqualTo("DE");
		assertThat(order.get("billingAddress").get("city").asString()).isEqualTo("Cambridge");
		assertThat(order.get("tax").decimalValue()).isEqualByComparingTo("3.80");

		cart(ada);
		JsonNode both = body(checkout(ada.token(), UUID.randomUUID().toString(), order("DE", "CARD")), 201);
		assertThat(both.get("billingAddress").get("city").asString()).isEqualTo("Berlin");
	}

	@Test
	void withoutADefaultBillingAddressTheOrderIsBilledWhereItShips() {
		Customer ada = Customer.create();
		profile(ada, "ada@example.com", profileAddress("Ada Lovelace", "London", "SW1Y 4JH", "GB"), null, 1);
		cart(ada);
		JsonNode defaulted = body(checkout(ada.token(), UUID.randomUUID().toString(), Map.of("paymentMethod", "CARD")),
				201);
		assertThat(defaulted.get("billingAddress")).isEqualTo(defaulted.get("shippingAddress"));

		// No profile at all: the shipping address sent is the billing address too.
		Customer grace = Customer.create();
		cart(grace);
		Map<String, Object> request = order("DE", "CARD");
		request.remove("billingAddress");
		JsonNode sent = body(checkout(grace.token(), UUID.randomUUID().toString(), request), 201);
		assertThat(sent.get("billingAddress").get("city").asString()).isEqualTo("Berlin");
	}

	@Test
	void withoutADefaultShippingAddressOneMustBeSentAndNothingIsWritten() {
		Customer ada = Customer.create();
		cart(ada);
		String key = UUID.randomUUID().toString();
		JsonNode noProfile = problem(checkout(ada.token(), key, Map.of("paymentMethod", "CARD")), 400,
				"validation-failed", "#/shippingAddress");
		assertThat(noProfile.get("errors").get(0).get("detail").asString())
			.isEqualTo("required: your profile has no default shipping address");

		profile(ada, "ada@example.com", null, profileAddress("Ada Accounts", "Cambridge", "CB2 1TN", "GB"), 1);
		problem(checkout(ada.token(), key, Map.of("paymentMethod", "CARD")), 400, "validation-failed",
				"#/shippingAddress");
		assertThat(count("SELECT count(*) FROM orders WHERE customer_id = ?", ada.id())).isZero();
		assertThat(body(get("/api/v1/cart", ada.token()), 200).get("items")).hasSize(1);

		// The refused key was not kept: it places the order once an address is sent.
		body(checkout(ada.token(), key, order("DE", "CARD")), 201);
	}

	@Test
	void aDefaultAddressWithoutPostalCodeIsRefusedNamingTheField() {
		Customer ada = Customer.create();
		Map<String, Object> noPostalCode = profileAddress("Ada Lovelace", "Dublin", null, "IE");
		profile(ada, "ada@example.com", noPostalCode, noPostalCode, 1);
		cart(ada);
		JsonNode refused = problem(checkout(ada.token(), UUID.randomUUID().toString(), Map.of("paymentMethod", "CARD")),
				400, "validation-failed", "#/shippingAddress");
		assertThat(refused.get("errors").get(0).get("detail").asString()).contains("no postal code");
		Map<String, Object> request = order("DE", "CARD");
		request.remove("billingAddress");
		problem(checkout(ada.token(), UUID.randomUUID().toString(), request), 400, "validation-failed",
				"#/billingAddress");
	}

	@Test
	void aRetryWithoutAddressesReturnsTheFirstOrderEvenAfterTheProfileChanged() {
		Customer ada = Customer.create();
		profile(ada, "ada@example.com", profileAddress("Ada Lovelace", "London", "SW1Y 4JH", "GB"), null, 1);
		cart(ada);
		String key = UUID.randomUUID().toString();
		JsonNode first = body(checkout(ada.token(), key, Map.of("paymentMethod", "CARD")), 201);

		profile(ada, "ada@example.com", profileAddress("Ada Lovelace", "Leeds", "LS1 1UR", "GB"), null, 2);
		JsonNode replayed = json(checkout(ada.token(), key, Map.of("paymentMethod", "CARD")).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
		assertThat(replayed.get("id").asString()).isEqualTo(first.get("id").asString());
		assertThat(replayed.get("shippingAddress").get("city").asString()).isEqualTo("London");
		// The same key with an address now sent is another request.
		problem(checkout(ada.token(), key, order("GB", "CARD")), 422, "idempotency-key-reused", null);
	}

	@Test
	void aDeletedUsersDefaultsAreGone() {
		Customer ada = Customer.create();
		profile(ada, "ada@example.com", profileAddress("Ada Lovelace", "London", "SW1Y 4JH", "GB"), null, 1);
		publish("emporium.user.user-deleted.v1", ada.id().toString(), "UserDeleted",
				Map.of("userId", ada.id().toString()));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> count("SELECT count(*) FROM customer_profiles WHERE customer_id = ? AND erased_at IS NOT NULL",
					ada.id()) == 1);
		cart(ada);
		problem(checkout(ada.token(), UUID.randomUUID().toString(), Map.of("paymentMethod", "CARD")), 400,
				"validation-failed", "#/shippingAddress");
	}

	/** Puts one item of 20.00 EUR in the customer's cart. */
	private void cart(Customer customer) {
		body(addToCart(customer.token(), null, item(product("20.00", "EUR", 20), 1)), 200);
	}

}
