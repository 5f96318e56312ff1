package com.emporium.product.reviews;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.platform.test.KafkaTopics;
import com.emporium.platform.test.TestJwts;
import com.emporium.product.OrderEventJson;
import com.emporium.product.ProductServiceIntegrationTest;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewTests extends ProductServiceIntegrationTest {

	@Test
	void shoppersReviewAndTheProductCarriesTheAverageAndCount() {
		String product = newProduct(Map.of());
		UUID firstUser = UUID.randomUUID();
		JsonNode first = body(post(reviews(product), shopper(firstUser), review(5, "Great", "Love it")), 201);
		assertThat(first.get("rating").asInt()).isEqualTo(5);
		assertThat(first.get("authorId").asString()).isEqualTo(firstUser.toString());
		assertThat(first.get("verifiedPurchase").asBoolean()).isFalse();
		assertThat(first.get("helpfulVotes").asInt()).isZero();
		body(post(reviews(product), shopper(UUID.randomUUID()), review(4, "Good", "Fine")), 201);
		body(post(reviews(product), shopper(UUID.randomUUID()), review(2, "Meh", "Wobbles")), 201);

		JsonNode read = body(get("/api/v1/products/" + product, null), 200);
		assertThat(read.get("averageRating").decimalValue()).isEqualByComparingTo("3.67");
		assertThat(read.get("reviewCount").asInt()).isEqualTo(3);
		JsonNode page = body(get(reviews(product) + "?sort=rating", null), 200);
		assertThat(page.get("totalItems").asLong()).isEqualTo(3);
		assertThat(page.get("items").valueStream().map(item -> item.get("rating").asInt())).containsExactly(5, 4, 2);
		assertThat(body(get(reviews(product) + "?size=1&page=2", null), 200).get("items").get(0).get("title")
			.asString()).isEqualTo("Great");

		JsonNode posted = awaitEvent("emporium.product.review-posted.v1", product,
				event -> first.get("id").asString().equals(event.get("data").get("reviewId").asString()));
		assertThat(posted.get("type").asString()).isEqualTo("ReviewPosted");
		assertThat(posted.get("data").get("userId").asString()).isEqualTo(firstUser.toString());
		assertThat(posted.get("data").get("rating").asInt()).isEqualTo(5);
	}

	@Test
	void aShopperReviewsAProductOnceAndOnlyWhenSignedIn() {
		String product = newProduct(Map.of());
		String shopper = shopper(UUID.randomUUID());
		String id = body(post(reviews(product), shopper, review(4, "Nice", "Nice")), 201).get("id").asString();
		JsonNode again = problem(post(reviews(product), shopper, review(1, "Again", "Again")), 409,
				"already-reviewed", null);
		assertThat(again.get("reviewId").asString()).isEqualTo(id);
		problem(post(reviews(product), null, review(4, "Anon", "Anon")), 401, "unauthenticated", null);
		problem(post(reviews(UUID.randomUUID().toString()), shopper, review(4, "X", "Y")), 404, "not-found", null);
		String hidden = newProduct(Map.of("active", false));
		problem(post(reviews(hidden), shopper, review(4, "X", "Y")), 404, "not-found", null);
		problem(get(reviews(hidden), null), 404, "not-found", null);
		assertThat(body(get("/api/v1/products/" + product, null), 200).get("reviewCount").asInt()).isOne();
	}

	@Test
	void markupComesBackInert() {
		String product = newProduct(Map.of());
		String script = "<script>alert('x')</script> & \"more\"";
		JsonNode posted = body(post(reviews(product), shopper(UUID.randomUUID()), review(3, "<b>bold</b>", script)),
				201);
		String expected = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;";
		assertThat(posted.get("text").asString()).isEqualTo(expected).doesNotContain("<");
		assertThat(posted.get("title").asString()).isEqualTo("&lt;b&gt;bold&lt;/b&gt;");
		JsonNode listed = body(get(reviews(product), null), 200).get("items").get(0);
		assertThat(listed.get("text").asString()).isEqualTo(expected);
		// Stored as typed: escaping happens once, on the way out.
		assertThat(this.jdbc.queryForObject("SELECT text FROM reviews WHERE id = ?", String.class,
				UUID.fromString(posted.get("id").asString()))).isEqualTo(script);
	}

	@Test
	void badReviewsAreRefusedNamingTheField() {
		String product = newProduct(Map.of());
		String shopper = shopper(UUID.randomUUID());
		problem(post(reviews(product), shopper, review(0, "T", "X")), 400, "validation-failed", "#/rating");
		problem(post(reviews(product), shopper, review(6, "T", "X")), 400, "validation-failed", "#/rating");
		problem(post(reviews(product), shopper, Map.of("title", "T", "text", "X")), 400, "validation-failed",
				"#/rating");
		problem(post(reviews(product), shopper, Map.of("rating", 3, "text", "X")), 400, "validation-failed",
				"#/title");
		problem(post(reviews(product), shopper, review(3, "  ", "X")), 400, "validation-failed", "#/title");
		problem(post(reviews(product), shopper, review(3, "T", "x".repeat(5001))), 400, "validation-failed",
				"#/text");
		problem(post(reviews(product), shopper, review(3, "T", "nul\u0000")), 400, "validation-failed", "#/text");
		problem(post(reviews(product), shopper, Map.of("rating", "five", "title", "T", "text", "X")), 400,
				"validation-failed", "#/rating");
		problem(post(reviews(product), shopper, "{not json"), 400, "malformed-request", null);
		problem(get(reviews(product) + "?sort=best", null), 400, "validation-failed", "sort");
		problem(get(reviews(product) + "?size=10000", null), 400, "validation-failed", "size");
		problem(get("/api/v1/products/42/reviews", null), 400, "validation-failed", "productId");
		problem(patch(reviews(product) + "/42", shopper, review(3, "T", "X")), 400, "validation-failed", "reviewId");
		assertThat(count("SELECT count(*) FROM reviews WHERE product_id = ?::uuid", product)).isZero();
	}

	@Test
	void onlyTheAuthorChangesAReviewAndStaffMayDeleteIt() {
		String product = newProduct(Map.of());
		UUID author = UUID.randomUUID();
		String id = body(post(reviews(product), shopper(author), review(5, "Top", "Top")), 201).get("id").asString();
		body(post(reviews(product), shopper(UUID.randomUUID()), review(3, "Ok", "Ok")), 201);

		problem(patch(reviews(product) + "/" + id, shopper(UUID.randomUUID()), Map.of("rating", 1)), 403,
				"forbidden", null);
		problem(patch(reviews(product) + "/" + id, ADMIN, Map.of("rating", 1)), 403, "forbidden", null);
		JsonNode changed = body(patch(reviews(product) + "/" + id, shopper(author), Map.of("rating", 1)), 200);
		assertThat(changed.get("rating").asInt()).isOne();
		assertThat(changed.get("title").asString()).isEqualTo("Top");
		assertThat(body(get("/api/v1/products/" + product, null), 200).get("averageRating").decimalValue())
			.isEqualByComparingTo("2.00");

		problem(delete(reviews(product) + "/" + id, shopper(UUID.randomUUID())), 403, "forbidden", null);
		problem(delete(reviews(newProduct(Map.of())) + "/" + id, MANAGER), 404, "not-found", null);
		delete(reviews(product) + "/" + id, MANAGER).expectStatus().isNoContent();
		problem(delete(reviews(product) + "/" + id, shopper(author)), 404, "not-found", null);
		JsonNode read = body(get("/api/v1/products/" + product, null), 200);
		assertThat(read.get("reviewCount").asInt()).isOne();
		assertThat(read.get("averageRating").decimalValue()).isEqualByComparingTo("3.00");

		String mine = body(post(reviews(product), shopper(author), review(4, "Again", "Again")), 201).get("id")
			.asString();
		delete(reviews(product) + "/" + mine, shopper(author)).expectStatus().isNoContent();
		assertThat(body(get("/api/v1/products/" + product, null), 200).get("reviewCount").asInt()).isOne();
	}

	@Test
	void helpfulVotesCountOncePerShopperAndNeverForOnesOwnReview() {
		String product = newProduct(Map.of());
		UUID author = UUID.randomUUID();
		String older = body(post(reviews(product), shopper(author), review(4, "A", "A")), 201).get("id").asString();
		String newer = body(post(reviews(product), shopper(UUID.randomUUID()), review(4, "B", "B")), 201).get("id")
			.asString();
		String voter = shopper(UUID.randomUUID());
		String votes = reviews(product) + "/" + older + "/helpful-votes/me";

		send(HttpMethod.PUT, votes, voter, null).expectStatus().isCreated();
		send(HttpMethod.PUT, votes, voter, null).expectStatus().isOk();
		send(HttpMethod.PUT, votes, shopper(UUID.randomUUID()), null).expectStatus().isCreated();
		problem(send(HttpMethod.PUT, votes, shopper(author), null), 403, "forbidden", null);
		problem(send(HttpMethod.PUT, votes, null, null), 401, "unauthenticated", null);
		problem(send(HttpMethod.PUT, reviews(product) + "/" + UUID.randomUUID() + "/helpful-votes/me", voter, null),
				404, "not-found", null);

		JsonNode helpful = body(get(reviews(product) + "?sort=helpful", null), 200);
		assertThat(itemIds(helpful)).containsExactly(older, newer);
		assertThat(helpful.get("items").get(0).get("helpfulVotes").asInt()).isEqualTo(2);

		delete(votes, voter).expectStatus().isNoContent();
		delete(votes, voter).expectStatus().isNoContent();
		assertThat(body(get(reviews(product) + "?sort=helpful", null), 200).get("items").get(0).get("helpfulVotes")
			.asInt()).isOne();
	}

	@Test
	void concurrentReviewsKeepTheAverageAndCountExact() throws Exception {
		String product = newProduct(Map.of());
		int reviewers = 16;
		List<Future<Integer>> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < reviewers; i++) {
				int rating = (i % 5) + 1;
				String token = shopper(UUID.randomUUID());
				statuses.add(pool.submit(() -> post(reviews(product), token, review(rating, "R", "R")).returnResult()
					.getStatus()
					.value()));
			}
		}
		for (Future<Integer> status : statuses) {
			assertThat(status.get()).isEqualTo(201);
		}
		JsonNode read = body(get("/api/v1/products/" + product, null), 200);
		assertThat(read.get("reviewCount").asInt()).isEqualTo(reviewers);
		// 16 ratings cycling 1..5: three of each plus one more 1 = 46 / 16.
		assertThat(read.get("averageRating").decimalValue()).isEqualByComparingTo("2.88");
	}

	@Test
	void productsSortByRatingInListsAndSearch() {
		Vendor vendor = Vendor.create();
		String store = openStore(vendor.token());
		String word = "rated" + unique().replaceAll("[0-9]", "x");
		String low = createProduct(vendor.token(), product(store, Map.of("name", "Low " + word))).get("id").asString();
		String none = createProduct(vendor.token(), product(store, Map.of("name", "None " + word))).get("id")
			.asString();
		String high = createProduct(vendor.token(), product(store, Map.of("name", "High " + word))).get("id")
			.asString();
		body(post(reviews(low), shopper(UUID.randomUUID()), review(2, "L", "L")), 201);
		body(post(reviews(high), shopper(UUID.randomUUID()), review(5, "H", "H")), 201);

		assertThat(itemIds(body(get("/api/v1/products?sort=rating&store=" + store, null), 200)))
			.containsExactly(high, low, none);
		assertThat(itemIds(body(get("/api/v1/search?sort=rating&q=" + word, null), 200))).containsExactly(high, low,
				none);
	}

	@Test
	void aReviewIsAVerifiedPurchaseOnceTheAuthorsOrderIsConfirmedWhateverTheOrder() {
		String product = newProduct(Map.of());
		UUID buyer = UUID.randomUUID();
		String id = body(post(reviews(product), shopper(buyer), review(5, "Bought", "it")), 201).get("id").asString();
		UUID order = UUID.randomUUID();
		// Confirmed before placed, and each twice: the purchase is recorded once both have come.
		String confirmed = OrderEventJson.confirmed(order, buyer);
		KafkaTopics.send("emporium.order.order-confirmed.v1", order.toString(), confirmed);
		KafkaTopics.send("emporium.order.order-confirmed.v1", order.toString(), confirmed);
		String placed = OrderEventJson.placed(order, buyer, new OrderEventJson.Line(product, "SKU", 1));
		KafkaTopics.send("emporium.order.order-placed.v1", order.toString(), placed);
		KafkaTopics.send("emporium.order.order-placed.v1", order.toString(), placed);

		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> body(get(reviews(product), null), 200).get("items").get(0).get("verifiedPurchase")
				.asBoolean());
		assertThat(count("SELECT count(*) FROM purchases WHERE user_id = ?", buyer)).isOne();
		// Someone else's review of the product stays unverified.
		JsonNode other = body(post(reviews(product), shopper(UUID.randomUUID()), review(1, "No", "No")), 201);
		assertThat(other.get("verifiedPurchase").asBoolean()).isFalse();
		assertThat(id).isNotBlank();
	}

	private String newProduct(Map<String, Object> overrides) {
		Vendor vendor = Vendor.create();
		return createProduct(vendor.token(), product(openStore(vendor.token()), overrides)).get("id").asString();
	}

	private static String reviews(String product) {
		return "/api/v1/products/" + product + "/reviews";
	}

	private static String shopper(UUID user) {
		return TestJwts.token(user.toString(), "CUSTOMER");
	}

	private static Map<String, Object> review(int rating, String title, String text) {
		return Map.of("rating", rating, "title", title, "text", text);
	}

}
