package com.emporium.recommendation.attribution;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.KafkaTopics;
import com.emporium.recommendation.RecommendationIntegrationTest;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class PerformanceTests extends RecommendationIntegrationTest {

	static final String PERFORMANCE = "/api/v1/admin/recommendations/performance";

	static final String PLACED = "emporium.order.order-placed.v1";

	static final String CONFIRMED = "emporium.order.order-confirmed.v1";

	static final String CANCELLED = "emporium.order.order-cancelled.v1";

	/** The lists of these tests: new arrivals, which need no trained model. */
	static final String NEW_ARRIVALS = "new-arrivals";

	@Test
	void anImpressionAClickAndTheCartAddAndPurchaseThatFollowAreCreditedToTheAlgorithmContextAndVariant() throws Exception {
		Shop shop = shop();
		trainAndActivate();
		UUID fan = shop.lanternFans().getFirst();
		JsonNode list = body(get(RECOMMENDATIONS + "/users/me?context=cart", Shopper.token(fan)), 200);
		String recommendationId = list.get("recommendationId").asString();
		List<String> products = items(list).stream().map(item -> item.get("productId").asString()).toList();
		String algorithm = items(list).getFirst().get("algorithm").asString();
		long sameAlgorithm = items(list).stream().filter(item -> item.get("algorithm").asString().equals(algorithm))
			.count();
		JsonNode before = report("?days=1");

		post(fan, Map.of("type", "RECOMMENDATION_IMPRESSION", "recommendationId", recommendationId, "algorithm",
				"client-says-something-else", "context", "cart", "productIds", products));
		post(fan, Map.of("type", "RECOMMENDATION_CLICK", "recommendationId", recommendationId, "algorithm",
				list.get("algorithm").asString(), "context", "cart", "productId", products.getFirst(), "position", 1));
		Thread.sleep(5);
		UUID clicked = UUID.fromString(products.getFirst());
		this.mongoTemplate.insert(List.of(conversion("CART_ADD", fan, clicked, Instant.now()),
				conversion("CART_ADD", fan, clicked, Instant.now()),
				conversion("PURCHASE", fan, clicked, Instant.now()).append("orderId", UUID.randomUUID())),
				"interactions");

		JsonNode after = report("?days=1");
		JsonNode row = delta(row(before, algorithm, "cart"), row(after, algorithm, "cart"));
		assertThat(row.get("impressions").asLong()).isEqualTo(sameAlgorithm);
		assertThat(row.get("clicks").asLong()).isEqualTo(1);
		assertThat(row.get("addToCarts").asLong()).as("two adds after one click count once").isEqualTo(1);
		assertThat(row.get("purchases").asLong()).isEqualTo(1);
		JsonNode variant = delta(variant(before, "A"), variant(after, "A"));
		assertThat(variant.get("impressions").asLong()).isEqualTo(products.size());
		assertThat(variant.get("purchases").asLong()).isEqualTo(1);
		JsonNode totals = delta(before.get("totals"), after.get("totals"));
		assertThat(totals.get("clicks").asLong()).isEqualTo(1);
		assertThat(after.get("totals").get("ctr").asDouble()).isEqualTo(ratio(after.get("totals"), "clicks",
				"impressions"));
		assertThat(after.get("totals").get("conversion").asDouble()).isEqualTo(ratio(after.get("totals"), "purchases",
				"clicks"));

		JsonNode only = report("?days=1&algorithm=" + algorithm);
		assertThat(only.get("algorithm").asString()).isEqualTo(algorithm);
		assertThat(only.get("byAlgorithm").valueStream().map(r -> r.get("algorithm").asString())).containsOnly(algorithm);
		assertThat(only.get("days").asInt()).isEqualTo(1);
	}

	@Test
	void onlyWhatTheSameShopperDoesToTheClickedProductWithin24HoursIsCredited() {
		Shop shop = shop();
		trainAndActivate();
		UUID fan = shop.mugFans().getFirst();
		JsonNode list = body(get(RECOMMENDATIONS + "/products/" + shop.mugs().getFirst() + "/similar", null), 200);
		String recommendationId = list.get("recommendationId").asString();
		String algorithm = items(list).getFirst().get("algorithm").asString();
		UUID clicked = UUID.fromString(items(list).getFirst().get("productId").asString());
		UUID other = UUID.fromString(items(list).get(1).get("productId").asString());
		Instant click = Instant.now().minus(Duration.ofDays(3));
		JsonNode before = report("?days=7");
		JsonNode dayBefore = report("?days=1");

		this.mongoTemplate.insert(List.of(
				interaction("RECOMMENDATION_CLICK", fan, clicked, click).append("recommendationId", recommendationId)
					.append("algorithm", algorithm)
					.append("context", "product_page")
					.append("position", 1),
				conversion("PURCHASE", fan, clicked, click.plus(Duration.ofHours(25))),
				conversion("PURCHASE", UUID.randomUUID(), clicked, click.plus(Duration.ofHours(1))),
				conversion("CART_ADD", fan, other, click.plus(Duration.ofHours(1))),
				conversion("CART_ADD", fan, clicked, click.plus(Duration.ofHours(2)))), "interactions");

		JsonNode row = delta(row(before, algorithm, "product_page"), row(report("?days=7"), algorithm, "product_page"));
		assertThat(row.get("clicks").asLong()).isEqualTo(1);
		assertThat(row.get("addToCarts").asLong()).isEqualTo(1);
		assertThat(row.get("purchases").asLong()).isZero();
		// The click is three days old: a one-day report does not see it.
		JsonNode lastDay = delta(row(dayBefore, algorithm, "product_page"),
				row(report("?days=1"), algorithm, "product_page"));
		assertThat(lastDay.get("clicks").asLong()).isZero();
		assertThat(lastDay.get("addToCarts").asLong()).isZero();
	}

	@Test
	void aCartAddNamingItsListIsCreditedToThatListWithoutAClick() {
		Shop shop = shop();
		trainAndActivate();
		UUID fan = shop.lanternFans().get(1);
		JsonNode list = body(get(RECOMMENDATIONS + "/users/me?context=homepage", Shopper.token(fan)), 200);
		assertThat(items(list)).as(list.toString()).hasSizeGreaterThanOrEqualTo(2);
		String recommendationId = list.get("recommendationId").asString();
		JsonNode first = items(list).get(0);
		JsonNode second = items(list).get(1);
		JsonNode before = report("?days=1");

		// The shopper adds the first product straight from the list (twice: it counts once), and a guest
		// cart, which has no session to match a click by, adds the second; nobody clicked.
		UUID cart = UUID.randomUUID();
		String since = "type=CART_ADD&from=" + Instant.now() + "&productId=";
		cartAdd(fan, cart, first.get("productId").asString(), recommendationId, "client-says-something-else");
		cartAdd(fan, cart, first.get("productId").asString(), recommendationId, "client-says-something-else");
		cartAdd(null, UUID.randomUUID(), second.get("productId").asString(), recommendationId, null);
		// The shop's history has cart adds of these products too: count only those sent here.
		awaitTrue(() -> adminList(since + first.get("productId").asString()).get("totalItems").asLong() == 2
				&& adminList(since + second.get("productId").asString()).get("totalItems").asLong() == 1);

		JsonNode after = report("?days=1");
		Map<String, Long> expected = new HashMap<>();
		for (JsonNode item : List.of(first, second)) {
			expected.merge(item.get("algorithm").asString(), 1L, Long::sum);
		}
		expected.forEach((algorithm, carted) -> {
			JsonNode row = delta(row(before, algorithm, "homepage"), row(after, algorithm, "homepage"));
			assertThat(row.get("addToCarts").asLong()).as("the list's algorithm and context: " + algorithm)
				.isEqualTo(carted);
			assertThat(row.get("clicks").asLong()).isZero();
		});
		assertThat(delta(variant(before, "A"), variant(after, "A")).get("addToCarts").asLong()).isEqualTo(2);
		assertThat(delta(before.get("totals"), after.get("totals")).get("addToCarts").asLong()).isEqualTo(2);
		assertThat(after.get("byAlgorithm").valueStream().map(row -> row.get("algorithm").asString()))
			.as("the list's algorithms win over what the client sent")
			.doesNotContain("client-says-something-else");
	}

	@Test
	void aCartAddNamingNoListStillNeedsAClickWithin24HoursAndOneNamingItsListSpendsTheClick() {
		Shop shop = shop();
		trainAndActivate();
		UUID fan = shop.mugFans().get(1);
		JsonNode list = body(get(RECOMMENDATIONS + "/products/" + shop.mugs().get(1) + "/similar", null), 200);
		assertThat(items(list)).as(list.toString()).hasSizeGreaterThanOrEqualTo(2);
		String recommendationId = list.get("recommendationId").asString();
		UUID first = UUID.fromString(items(list).get(0).get("productId").asString());
		UUID second = UUID.fromString(items(list).get(1).get("productId").asString());
		UUID third = UUID.randomUUID();
		Instant at = Instant.now().minus(Duration.ofHours(12));
		JsonNode before = report("?days=2");

		this.mongoTemplate.insert(List.of(click(fan, first, recommendationId, at),
				conversion("CART_ADD", fan, first, at.plus(Duration.ofMinutes(10))).append("recommendationId",
						recommendationId),
				// Spent by the add that named the list: not credited again.
				conversion("CART_ADD", fan, first, at.plus(Duration.ofMinutes(20))),
				click(fan, second, recommendationId, at.plus(Duration.ofMinutes(30))),
				// No list named: credited to the click before it.
				conversion("CART_ADD", fan, second, at.plus(Duration.ofMinutes(40))),
				// No list named and never clicked: not credited.
				conversion("CART_ADD", fan, third, at.plus(Duration.ofMinutes(50))),
				// Another shopper's add naming no list: not credited to the fan's click.
				conversion("CART_ADD", UUID.randomUUID(), second, at.plus(Duration.ofMinutes(55)))), "interactions");

		JsonNode totals = delta(before.get("totals"), report("?days=2").get("totals"));
		assertThat(totals.get("clicks").asLong()).isEqualTo(2);
		assertThat(totals.get("addToCarts").asLong()).isEqualTo(2);
	}

	@Test
	void aConfirmedPurchaseNamingAListServedToTheShopperIsCreditedToThatListWithoutAClick() {
		UUID product = product("Bought straight from the list");
		Shopper shopper = Shopper.create();
		String list = servedList(shopper, "homepage", product);
		JsonNode before = report("?days=1");

		placeAndConfirm(shopper, line(product, list, NEW_ARRIVALS));
		awaitPurchases(product, 1);
		JsonNode purchase = items(adminList("type=PURCHASE&productId=" + product)).getFirst();
		assertThat(purchase.get("recommendationId").asString()).isEqualTo(list);
		assertThat(purchase.get("algorithm").asString()).isEqualTo(NEW_ARRIVALS);
		// Bought again from the same list within 24 hours: one conversion, as for cart adds.
		placeAndConfirm(shopper, line(product, list, NEW_ARRIVALS));
		awaitPurchases(product, 2);

		JsonNode after = report("?days=1");
		JsonNode row = delta(row(before, NEW_ARRIVALS, "homepage"), row(after, NEW_ARRIVALS, "homepage"));
		assertThat(row.get("purchases").asLong()).isEqualTo(1);
		assertThat(row.get("clicks").asLong()).isZero();
		assertThat(delta(variant(before, "A"), variant(after, "A")).get("purchases").asLong()).isEqualTo(1);
		assertThat(delta(before.get("totals"), after.get("totals")).get("purchases").asLong()).isEqualTo(1);
	}

	@Test
	void aPurchaseNamingAnUnknownListIsCreditedByTheClickRuleAndOnlyOnce() throws Exception {
		UUID product = product("Clicked, then bought naming an unknown list");
		UUID unclicked = product("Bought naming an unknown list, never clicked");
		Shopper shopper = Shopper.create();
		String list = servedList(shopper, "homepage", product);
		JsonNode before = report("?days=1");

		post(shopper.id(), Map.of("type", "RECOMMENDATION_CLICK", "recommendationId", list, "algorithm",
				NEW_ARRIVALS, "context", "homepage", "productId", product.toString(), "position", 1));
		Thread.sleep(5);
		placeAndConfirm(shopper, line(product, "never-served-" + UUID.randomUUID(), NEW_ARRIVALS),
				line(unclicked, "never-served-" + UUID.randomUUID(), NEW_ARRIVALS));
		awaitPurchases(product, 1);
		awaitPurchases(unclicked, 1);

		JsonNode after = report("?days=1");
		JsonNode row = delta(row(before, NEW_ARRIVALS, "homepage"), row(after, NEW_ARRIVALS, "homepage"));
		assertThat(row.get("clicks").asLong()).isEqualTo(1);
		assertThat(row.get("purchases").asLong()).isEqualTo(1);
		assertThat(delta(before.get("totals"), after.get("totals")).get("purchases").asLong())
			.as("the clicked product through its click, the other not at all")
			.isEqualTo(1);
	}

	@Test
	void aPurchaseNamingAListServedToAnotherAccountIsNotCreditedToItButToTheBuyersOwnClick() throws Exception {
		UUID product = product("Bought naming someone else's list");
		Shopper owner = Shopper.create();
		Shopper buyer = Shopper.create();
		String ownersList = servedList(owner, "cart", product);
		String buyersList = servedList(buyer, "homepage", product);
		JsonNode before = report("?days=1");

		post(buyer.id(), Map.of("type", "RECOMMENDATION_CLICK", "recommendationId", buyersList, "algorithm",
				NEW_ARRIVALS, "context", "homepage", "productId", product.toString(), "position", 1));
		Thread.sleep(5);
		placeAndConfirm(buyer, line(product, ownersList, NEW_ARRIVALS));
		awaitPurchases(product, 1);

		JsonNode after = report("?days=1");
		assertThat(delta(row(before, NEW_ARRIVALS, "cart"), row(after, NEW_ARRIVALS, "cart")).get("purchases").asLong())
			.as("the owner's list").isZero();
		assertThat(delta(row(before, NEW_ARRIVALS, "homepage"), row(after, NEW_ARRIVALS, "homepage")).get("purchases")
			.asLong()).as("the buyer's click").isEqualTo(1);
		assertThat(delta(before.get("totals"), after.get("totals")).get("purchases").asLong()).isEqualTo(1);
	}

	@Test
	void aCancelledOrderIsNotCreditedEvenWhenCancelledAfterItsConfirmation() {
		UUID product = product("Cancelled after the list led to it");
		Shopper shopper = Shopper.create();
		String list = servedList(shopper, "homepage", product);
		JsonNode before = report("?days=1");

		// Cancelled before payment; a confirmation after the cancellation changes nothing.
		UUID unpaid = UUID.randomUUID();
		publish(PLACED, "OrderPlaced", unpaid, Instant.now(),
				orderPlaced(unpaid, shopper, List.of(line(product, list, NEW_ARRIVALS))));
		publish(CANCELLED, "OrderCancelled", unpaid, Instant.now(),
				fields("orderId", unpaid.toString(), "reason", "out of stock", "refund", false));
		awaitTrue(() -> "CANCELLED".equals(orderStatus(unpaid)));
		publish(CONFIRMED, "OrderConfirmed", unpaid, Instant.now(), fields("orderId", unpaid.toString()));
		// Confirmed, credited while it stands, then cancelled and refunded.
		UUID refunded = placeAndConfirm(shopper, line(product, list, NEW_ARRIVALS));
		awaitPurchases(product, 1);
		assertThat(delta(before.get("totals"), report("?days=1").get("totals")).get("purchases").asLong())
			.isEqualTo(1);
		publish(CANCELLED, "OrderCancelled", refunded, Instant.now(),
				fields("orderId", refunded.toString(), "reason", "changed my mind", "refund", true));
		awaitPurchases(product, 0);

		JsonNode after = report("?days=1");
		assertThat(delta(row(before, NEW_ARRIVALS, "homepage"), row(after, NEW_ARRIVALS, "homepage")).get("purchases")
			.asLong()).isZero();
		assertThat(delta(before.get("totals"), after.get("totals")).get("purchases").asLong()).isZero();
	}

	@Test
	void aMalformedRecommendationOnALineLeavesThePurchaseRecordedAndUncredited() {
		Shopper shopper = Shopper.create();
		List<UUID> products = new ArrayList<>();
		for (int p = 0; p < 5; p++) {
			products.add(product("Bought with a malformed recommendation " + p));
		}
		String list = servedList(shopper, "homepage", products.toArray(UUID[]::new));
		JsonNode before = report("?days=1");

		placeAndConfirm(shopper,
				// A source of the wrong type, one too long, an id without a source, a source without an
				// id, an id of the wrong type: each line loses its recommendation, not its purchase.
				line(products.get(0), list, 7), line(products.get(1), list, "s".repeat(51)),
				line(products.get(2), list, null), line(products.get(3), null, NEW_ARRIVALS),
				line(products.get(4), Map.of("id", list), NEW_ARRIVALS));
		for (UUID product : products) {
			awaitPurchases(product, 1);
			JsonNode purchase = items(adminList("type=PURCHASE&productId=" + product)).getFirst();
			assertThat(purchase.path("recommendationId").isMissingNode()).as(purchase.toString()).isTrue();
			assertThat(purchase.path("algorithm").isMissingNode()).as(purchase.toString()).isTrue();
		}

		JsonNode after = report("?days=1");
		assertThat(delta(before.get("totals"), after.get("totals")).get("purchases").asLong()).isZero();
	}

	@Test
	void theSameOrderEventsDeliveredTwiceCreditThePurchaseOnce() {
		UUID product = product("Delivered twice");
		Shopper shopper = Shopper.create();
		String list = servedList(shopper, "homepage", product);
		JsonNode before = report("?days=1");
		UUID order = UUID.randomUUID();
		String placed = envelope("OrderPlaced", UUID.randomUUID(), order, Instant.now(),
				orderPlaced(order, shopper, List.of(line(product, list, NEW_ARRIVALS))));
		String confirmed = envelope("OrderConfirmed", UUID.randomUUID(), order, Instant.now(),
				fields("orderId", order.toString(), "customerId", shopper.id().toString()));

		KafkaTopics.send(PLACED, order.toString(), placed);
		KafkaTopics.send(CONFIRMED, order.toString(), confirmed);
		awaitPurchases(product, 1);
		KafkaTopics.send(CONFIRMED, order.toString(), confirmed);
		KafkaTopics.send(PLACED, order.toString(), placed);
		// One partition per topic: once a later order is recorded, the repeats were handled.
		UUID marker = product("After the repeats");
		placeAndConfirm(Shopper.create(), line(marker, null, null));
		awaitPurchases(marker, 1);

		assertThat(adminList("type=PURCHASE&productId=" + product).get("totalItems").asLong()).isEqualTo(1);
		JsonNode after = report("?days=1");
		assertThat(delta(row(before, NEW_ARRIVALS, "homepage"), row(after, NEW_ARRIVALS, "homepage")).get("purchases")
			.asLong()).isEqualTo(1);
		assertThat(delta(before.get("totals"), after.get("totals")).get("purchases").asLong()).isEqualTo(1);
	}

	@Test
	void managersAndAdminsReadTheReportAndNobodyElse() {
		problem(get(PERFORMANCE, null), 401, "unauthenticated", null);
		problem(get(PERFORMANCE, CUSTOMER), 403, "forbidden", null);
		problem(get(PERFORMANCE, Shopper.create().token()), 403, "forbidden", null);
		JsonNode report = body(get(PERFORMANCE, MANAGER), 200);
		assertThat(report.get("days").asInt()).isEqualTo(30);
		assertThat(Duration.between(Instant.parse(report.get("from").asString()),
				Instant.parse(report.get("to").asString()))).isEqualTo(Duration.ofDays(30));
		body(get(PERFORMANCE, ADMIN), 200);
	}

	@Test
	void badDaysAndUnknownAlgorithmsAreProblemsNamingThem() {
		for (String days : List.of("0", "-1", "366", "many")) {
			problem(get(PERFORMANCE + "?days=" + days, ADMIN), 400, "validation-failed", "days");
		}
		JsonNode unknown = problem(get(PERFORMANCE + "?algorithm=magic", ADMIN), 400, "validation-failed",
				"algorithm");
		assertThat(unknown.get("detail").asString()).contains("personalised", "bought-together", "new-arrivals");
	}

	@Test
	void theApiDocumentDescribesTheReportAndItsProblems() {
		JsonNode responses = body(get("/v3/api-docs", null), 200).get("paths")
			.get(PERFORMANCE)
			.get("get")
			.get("responses");
		assertThat(responses.get("400").get("content").has("application/problem+json")).isTrue();
		assertThat(responses.has("403")).isTrue();
	}

	/**
	 * A list of new arrivals served to the shopper (no trained model needed) in this context; checks
	 * that it holds the products. Its id.
	 */
	private String servedList(Shopper shopper, String context, UUID... products) {
		JsonNode list = body(get(RECOMMENDATIONS + "/new-arrivals?limit=50&context=" + context, shopper.token()), 200);
		assertThat(items(list)).extracting(item -> item.get("productId").asString())
			.as(list.toString())
			.contains(java.util.Arrays.stream(products).map(UUID::toString).toArray(String[]::new));
		assertThat(items(list)).allMatch(item -> item.get("algorithm").asString().equals(NEW_ARRIVALS));
		return list.get("recommendationId").asString();
	}

	/** Places and confirms an order of these lines, as order-service publishes it; its id. */
	@SafeVarargs
	private static UUID placeAndConfirm(Shopper shopper, Map<String, Object>... lines) {
		UUID order = UUID.randomUUID();
		publish(PLACED, "OrderPlaced", order, Instant.now(), orderPlaced(order, shopper, List.of(lines)));
		publish(CONFIRMED, "OrderConfirmed", order, Instant.now(),
				fields("orderId", order.toString(), "customerId", shopper.id().toString()));
		return order;
	}

	private static Map<String, Object> orderPlaced(UUID order, Shopper shopper, List<Map<String, Object>> lines) {
		return fields("orderId", order.toString(), "orderNumber", "ORD-20261123-ABCDEF", "customerId",
				shopper.id().toString(), "lines", lines, "subtotal", new BigDecimal("9.90"), "tax", BigDecimal.ZERO,
				"shipping", BigDecimal.ZERO, "total", new BigDecimal("9.90"), "currency", "EUR", "paymentMethod",
				"CARD");
	}

	/** An order line naming a recommendation (null: sent as null) or, when both are null, none. */
	private static Map<String, Object> line(UUID product, Object recommendationId, Object recommendationSource) {
		Map<String, Object> line = fields("productId", product.toString(), "sku", "SKU-" + product, "quantity", 1,
				"unitPrice", new BigDecimal("9.90"));
		if (recommendationId != null || recommendationSource != null) {
			line.put("recommendationId", recommendationId);
			line.put("recommendationSource", recommendationSource);
		}
		return line;
	}

	private void awaitPurchases(UUID product, long count) {
		awaitTrue(() -> adminList("type=PURCHASE&productId=" + product).get("totalItems").asLong() == count);
	}

	private String orderStatus(UUID order) {
		Document state = this.mongoTemplate.findById(order, Document.class, "pending_purchases");
		return (state != null) ? state.getString("status") : null;
	}

	private JsonNode report(String query) {
		return body(get(PERFORMANCE + query, ADMIN), 200);
	}

	private void post(UUID shopper, Map<String, Object> interaction) {
		body(send(HttpMethod.POST, "/api/v1/interactions", Shopper.token(shopper), interaction, Map.of()), 202);
	}

	/** A CartItemAdded as order-service publishes it, naming the list that led to it. */
	private static void cartAdd(UUID userId, UUID cartId, String productId, String recommendationId, String source) {
		publish("emporium.order.cart-item-added.v1", "CartItemAdded", cartId, Instant.now(),
				fields("userId", (userId != null) ? userId.toString() : null, "cartId", cartId.toString(), "productId",
						productId, "sku", "SKU-" + productId, "quantity", 1, "recommendationId", recommendationId,
						"recommendationSource", source));
	}

	private static Document click(UUID userId, UUID productId, String recommendationId, Instant at) {
		return interaction("RECOMMENDATION_CLICK", userId, productId, at).append("recommendationId", recommendationId)
			.append("algorithm", "item-knn")
			.append("context", "product_page")
			.append("position", 1);
	}

	private static Document conversion(String type, UUID userId, UUID productId, Instant at) {
		return interaction(type, userId, productId, at).append("quantity", 1);
	}

	/** The figures of one algorithm and context, or zeros. */
	private static JsonNode row(JsonNode report, String algorithm, String context) {
		return report.get("byAlgorithm")
			.valueStream()
			.filter(row -> row.get("algorithm").asString().equals(algorithm)
					&& row.get("context").asString().equals(context))
			.map(row -> row.get("figures"))
			.findFirst()
			.orElse(json("{\"impressions\":0,\"clicks\":0,\"addToCarts\":0,\"purchases\":0}"));
	}

	private static JsonNode variant(JsonNode report, String variant) {
		return report.get("byVariant")
			.valueStream()
			.filter(row -> row.get("variant").asString().equals(variant))
			.map(row -> row.get("figures"))
			.findFirst()
			.orElse(json("{\"impressions\":0,\"clicks\":0,\"addToCarts\":0,\"purchases\":0}"));
	}

	private static JsonNode delta(JsonNode before, JsonNode after) {
		return json("{\"impressions\":%d,\"clicks\":%d,\"addToCarts\":%d,\"purchases\":%d}".formatted(
				after.get("impressions").asLong() - before.get("impressions").asLong(),
				after.get("clicks").asLong() - before.get("clicks").asLong(),
				after.get("addToCarts").asLong() - before.get("addToCarts").asLong(),
				after.get("purchases").asLong() - before.get("purchases").asLong()));
	}

	private static double ratio(JsonNode figures, String part, String whole) {
		long of = figures.get(whole).asLong();
		return (of > 0) ? (double) figures.get(part).asLong() / of : 0;
	}

}
