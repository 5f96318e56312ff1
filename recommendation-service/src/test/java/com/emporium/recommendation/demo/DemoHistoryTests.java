package com.emporium.recommendation.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import com.emporium.recommendation.RecommendationIntegrationTest;
import com.emporium.recommendation.demo.DemoHistory.Replayed;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo history, replayed from {@code demo/purchases-sample.csv} (test resources): 539 purchase
 * lines of 12 customers in 242 invoices from 1 March (GMT) to 31 August 2011 (BST), 55 of them of a
 * stock code no product sells ({@code 99999Z}), and one line that cannot be read. Even-numbered
 * customers buy the five lanterns, the others the five mugs. The tests run in order: the replay of
 * the second is what the later ones look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoHistoryTests extends RecommendationIntegrationTest {

	static final List<String> LANTERNS = List.of("85123A", "71053", "84406B", "84029G", "84029E");

	static final List<String> MUGS = List.of("22423", "47566", "85099B", "20725", "22720");

	/** Customer 17850, a lantern fan, as the documented id scheme names them. */
	static final UUID LANTERN_FAN = nameBased("emporium-demo-customer-17850");

	/** Customer 13047, a mug fan, who made the file's last purchase. */
	static final UUID MUG_FAN = nameBased("emporium-demo-customer-13047");

	@Autowired
	DemoHistory demo;

	/** Stock code to product id. */
	final Map<String, UUID> products = new LinkedHashMap<>();

	Replayed replayed;

	/** The demo catalog as product-service announces it: one variant a product, SKU {@code UCI-<code>}. */
	@BeforeAll
	void demoCatalog() {
		UUID lanterns = UUID.randomUUID();
		UUID mugs = UUID.randomUUID();
		for (String code : LANTERNS) {
			this.products.put(code, product("Demo lantern " + code, lanterns));
		}
		for (String code : MUGS) {
			this.products.put(code, product("Demo mug " + code, mugs));
		}
		this.products.forEach((code, productId) -> {
			// SKUs compare ignoring case: one is announced in lower case.
			String sku = code.equals("85123A") ? "uci-85123a" : "UCI-" + code;
			publish("emporium.product.stock-changed.v1", "StockChanged", productId, Instant.now(),
					fields("productId", productId.toString(), "sku", sku, "available", 50));
			awaitTrue(() -> replica(productId) != null && replica(productId).inStock());
		});
	}

	@Test
	@Order(1)
	void replaysNothingWhileDisabled() {
		this.demo.applicationReady();

		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> history(LANTERN_FAN).isEmpty() && marker() == null);
	}

	@Test
	@Order(2)
	void replaysThePurchasesOfKnownProductsAsDemoCustomersWhoseLastPurchaseWasADayAgo() throws Exception {
		// As on a fresh install: no version is active, so a training run follows the replay.
		this.mongoTemplate.remove(Query.query(Criteria.where("_id").is("active")), "model_activation");
		Instant dayAgo = Instant.now().minus(Duration.ofDays(1));

		this.replayed = this.demo.replay().orElseThrow();

		assertThat(this.replayed.purchases()).isEqualTo(539);
		assertThat(this.replayed.recorded()).isEqualTo(484);
		assertThat(this.replayed.alreadyRecorded()).isZero();
		assertThat(this.replayed.unknownProducts()).isEqualTo(55);
		assertThat(this.replayed.malformed()).isEqualTo(1);
		assertThat(this.replayed.customers()).isEqualTo(12);
		assertThat(this.replayed.orders()).isEqualTo(242);
		assertThat(this.replayed.productsKnown()).isEqualTo(10);
		assertThat(this.replayed.products()).isEqualTo(11);
		assertThat(this.replayed.trainingRunId()).isNotNull();

		List<JsonNode> fan = history(LANTERN_FAN);
		assertThat(fan).hasSize(44).allSatisfy(purchase -> {
			assertThat(purchase.get("type").asString()).isEqualTo("PURCHASE");
			assertThat(purchase.get("userId").asString()).isEqualTo(LANTERN_FAN.toString());
			assertThat(purchase.get("currency").asString()).isEqualTo("GBP");
			assertThat(UUID.fromString(purchase.get("productId").asString()))
				.isIn(LANTERNS.stream().map(this.products::get).toList());
		});
		// The file's first line (line 2): invoice 540001, 2 x 85123A at 2.55, 1 March 2011 08:26 GMT.
		JsonNode first = byEventId(fan, nameBased("emporium-demo-purchase-540001-2"));
		assertThat(first.get("orderId").asString()).isEqualTo(nameBased("emporium-demo-invoice-540001").toString());
		assertThat(first.get("productId").asString()).isEqualTo(this.products.get("85123A").toString());
		assertThat(first.get("quantity").asInt()).isEqualTo(2);
		assertThat(first.get("unitPrice").decimalValue()).isEqualByComparingTo(new BigDecimal("2.55"));

		// The file's last line (541): invoice 540242, 31 August 2011 17:16 BST, now a day ago.
		JsonNode last = byEventId(history(MUG_FAN), nameBased("emporium-demo-purchase-540242-541"));
		Instant lastAt = Instant.parse(last.get("occurredAt").asString());
		assertThat(Duration.between(dayAgo, lastAt).toMillis()).isNotNegative()
			.isLessThan(Duration.ofMinutes(1).toMillis());
		// Every date moves alike, UK time read as such: 183 days, 7 h 50 min apart, not 8 h 50 min.
		Duration apart = Duration.between(
				LocalDateTime.parse("2011-03-01T08:26").atZone(ZoneId.of("Europe/London")).toInstant(),
				LocalDateTime.parse("2011-08-31T17:16").atZone(ZoneId.of("Europe/London")).toInstant());
		assertThat(apart).isEqualTo(Duration.ofDays(183).plusHours(7).plusMinutes(50));
		assertThat(Instant.parse(first.get("occurredAt").asString())).isEqualTo(lastAt.minus(apart));
	}

	@Test
	@Order(3)
	void aTrainingRunFollowsAndADemoCustomerIsRecommendedFromTheirHistory() {
		JsonNode run = awaitRun(this.replayed.trainingRunId().toString());

		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("trigger").asString()).isEqualTo("DEMO");
		assertThat(run.get("decision").asString()).isEqualTo("ACTIVATED");
		assertThat(run.get("counts").get("purchases").asLong()).isGreaterThanOrEqualTo(484);
		long version = run.get("version").asLong();

		JsonNode list = body(get(RECOMMENDATIONS + "/users/me", Shopper.token(LANTERN_FAN)), 200);
		assertThat(list.get("modelVersion").asLong()).isEqualTo(version);
		List<JsonNode> items = items(list);
		assertThat(items).isNotEmpty();
		// A lantern fan's list starts with lanterns, not the mugs the other half of the customers buy.
		assertThat(UUID.fromString(items.getFirst().get("productId").asString()))
			.isIn(LANTERNS.stream().map(this.products::get).toList());
	}

	@Test
	@Order(4)
	void aSecondReplayStopsAtTheRecordOfTheFirstAndOneStoppedMidwayRecordsNothingTwice() throws Exception {
		assertThat(this.demo.replay()).isEmpty();
		assertThat(history(LANTERN_FAN)).hasSize(44);
		Document marker = marker();
		assertThat(marker.get("completedAt")).isNotNull();
		assertThat(marker.get("recorded", Number.class).longValue()).isEqualTo(484);
		assertThat(marker.get("unknownProducts", Number.class).longValue()).isEqualTo(55);
		assertThat(marker.get("trainingRunId")).hasToString(this.replayed.trainingRunId().toString());

		// Stopped midway: the mug fan's purchases not stored yet, the replay's end not recorded.
		Map<String, String> stored = occurredAtByEventId(history(MUG_FAN));
		assertThat(stored).hasSize(46);
		this.mongoTemplate.remove(Query.query(Criteria.where("userId").is(MUG_FAN)), "interactions");
		this.mongoTemplate.updateFirst(Query.query(Criteria.where("_id").is("uci-online-retail")),
				new Update().unset("completedAt"), "demo_replays");

		Replayed resumed = this.demo.replay().orElseThrow();

		assertThat(resumed.recorded()).isEqualTo(46);
		assertThat(resumed.alreadyRecorded()).isEqualTo(484 - 46);
		// A version is active now: no second run.
		assertThat(resumed.trainingRunId()).isNull();
		assertThat(occurredAtByEventId(history(MUG_FAN))).isEqualTo(stored);
		assertThat(history(LANTERN_FAN)).hasSize(44);
		assertThat(marker().get("completedAt")).isNotNull();
	}

	private List<JsonNode> history(UUID userId) {
		return items(adminList("userId=" + userId));
	}

	private Document marker() {
		return this.mongoTemplate.findById("uci-online-retail", Document.class, "demo_replays");
	}

	private static JsonNode byEventId(List<JsonNode> interactions, UUID eventId) {
		return interactions.stream()
			.filter(interaction -> interaction.get("eventId").asString().equals(eventId.toString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no interaction " + eventId + " in " + interactions));
	}

	private static Map<String, String> occurredAtByEventId(List<JsonNode> interactions) {
		return interactions.stream()
			.collect(Collectors.toMap(interaction -> interaction.get("eventId").asString(),
					interaction -> interaction.get("occurredAt").asString()));
	}

	private static UUID nameBased(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

}
