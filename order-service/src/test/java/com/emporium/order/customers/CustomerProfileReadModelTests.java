package com.emporium.order.customers;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.emporium.order.OrderServiceIntegrationTest;
import com.emporium.platform.test.KafkaTopics;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** user-service's {@code UserProfileChanged} and {@code UserDeleted}, published to the embedded Kafka. */
class CustomerProfileReadModelTests extends OrderServiceIntegrationTest {

	static final String TOPIC = "emporium.user.user-profile-changed.v1";

	@Autowired
	CustomerProfiles profiles;

	@Test
	void keepsTheProfileAndItsDefaultAddresses() {
		Customer ada = Customer.create();
		profile(ada, "ada@example.com", profileAddress("Ada Lovelace", "London", "SW1Y 4JH", "GB"),
				profileAddress("Ada Accounts", "Cambridge", "CB2 1TN", "GB"), 1);
		CustomerProfile profile = this.profiles.find(ada.id()).orElseThrow();
		assertThat(profile.email()).isEqualTo("ada@example.com");
		assertThat(profile.firstName()).isEqualTo("Ada");
		assertThat(profile.defaultShippingAddress().city()).isEqualTo("London");
		assertThat(profile.defaultShippingAddress().region()).isEqualTo("Greater London");
		assertThat(profile.defaultShippingAddress().line2()).isNull();
		assertThat(profile.defaultBillingAddress().recipientName()).isEqualTo("Ada Accounts");
	}

	@Test
	void theNewestVersionWinsWhateverTheOrderOfArrivalAndADuplicateChangesNothing() {
		Customer ada = Customer.create();
		profile(ada, "new@example.com", null, null, 2);
		UUID older = publish(TOPIC, ada.id().toString(), "UserProfileChanged", data(ada, "old@example.com", 1));
		awaitHandled(older);
		assertThat(this.profiles.find(ada.id()).orElseThrow().email()).isEqualTo("new@example.com");

		UUID newer = UUID.randomUUID();
		Map<String, Object> third = data(ada, "third@example.com", 3);
		publish(TOPIC, ada.id().toString(), "UserProfileChanged", newer, third);
		awaitHandled(newer);
		assertThat(this.profiles.find(ada.id()).orElseThrow().email()).isEqualTo("third@example.com");
		// The same event again (a redelivery), even after a newer state, is recognised and dropped.
		profile(ada, "fourth@example.com", null, null, 4);
		publish(TOPIC, ada.id().toString(), "UserProfileChanged", newer, third);
		UUID marker = publish(TOPIC, ada.id().toString(), "UserProfileChanged", data(ada, "old@example.com", 1));
		awaitHandled(marker);
		assertThat(count("SELECT count(*) FROM processed_event WHERE consumer = 'customer-profiles' AND event_id = ?",
				newer)).isOne();
		assertThat(this.profiles.find(ada.id()).orElseThrow().email()).isEqualTo("fourth@example.com");
	}

	@Test
	void aDeletedUserIsErasedForGoodEvenIfAnOlderProfileEventArrivesLate() {
		Customer ada = Customer.create();
		profile(ada, "erase-me@example.com", profileAddress("Ada Lovelace", "London", "SW1Y 4JH", "GB"), null, 3);
		publish("emporium.user.user-deleted.v1", ada.id().toString(), "UserDeleted",
				Map.of("userId", ada.id().toString()));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.profiles.erased(ada.id()));
		assertThat(this.profiles.find(ada.id())).isEmpty();

		UUID late = publish(TOPIC, ada.id().toString(), "UserProfileChanged", data(ada, "back@example.com", 9));
		awaitHandled(late);
		assertThat(this.profiles.find(ada.id())).isEmpty();
		assertThat(count("""
				SELECT count(*) FROM customer_profiles WHERE customer_id = ? AND email IS NULL AND first_name IS NULL
				AND last_name IS NULL AND default_shipping IS NULL AND default_billing IS NULL""", ada.id())).isOne();
	}

	@Test
	void aProfileEventWithoutUserIdEmailOrVersionGoesToTheDeadLetterTopic() {
		for (String missing : new String[] { "userId", "email", "version" }) {
			Customer ada = Customer.create();
			String key = "broken-" + missing + "-" + unique();
			Map<String, Object> data = data(ada, "ada@example.com", 1);
			data.remove(missing);
			publish(TOPIC, key, "UserProfileChanged", data);
			KafkaTopics.Record dead = KafkaTopics.awaitRecord(TOPIC + "-dlt", record -> key.equals(record.key()),
					Duration.ofSeconds(30));
			assertThat(dead.header("kafka_dlt-exception-message")).contains("lacks userId, email or version");
			assertThat(this.profiles.find(ada.id())).isEmpty();
		}
	}

	private static Map<String, Object> data(Customer customer, String email, long version) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("userId", customer.id().toString());
		data.put("email", email);
		data.put("firstName", "Ada");
		data.put("lastName", "Lovelace");
		data.put("version", version);
		return data;
	}

	private void awaitHandled(UUID eventId) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> count("SELECT count(*) FROM processed_event WHERE consumer = 'customer-profiles' AND event_id = ?",
					eventId) == 1);
	}

}
