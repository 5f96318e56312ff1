package com.emporium.recommendation.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.emporium.platform.test.KafkaTopics;
import com.emporium.recommendation.RecommendationIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CatalogReplicaTests extends RecommendationIntegrationTest {

	static final String TOPIC = "emporium.product.product-created.v1";

	static final String UPDATED = "emporium.product.product-updated.v1";

	static final String STOCK = "emporium.product.stock-changed.v1";

	@Autowired
	MongoTemplate mongo;

	@Test
	void productCreatedDeliveredTwiceGivesOneDocument() {
		UUID productId = UUID.randomUUID();
		String event = envelope(UUID.randomUUID(), productId, "Red retrospot bag");
		KafkaTopics.send(TOPIC, productId.toString(), event);
		KafkaTopics.send(TOPIC, productId.toString(), event);
		UUID marker = UUID.randomUUID();
		KafkaTopics.send(TOPIC, marker.toString(), envelope(UUID.randomUUID(), marker, "Marker"));

		await().atMost(Duration.ofSeconds(30)).until(() -> this.mongo.exists(byId(marker), CatalogProduct.class));
		assertThat(this.mongo.count(byId(productId), CatalogProduct.class)).isEqualTo(1);
		CatalogProduct stored = this.mongo.findById(productId, CatalogProduct.class);
		assertThat(stored.name()).isEqualTo("Red retrospot bag");
		assertThat(stored.price()).isEqualByComparingTo("2.55");
		assertThat(stored.currency()).isEqualTo("GBP");
	}

	@Test
	void unreadableEventGoesToTheDeadLetterTopicWithTheReasonAndConsumptionGoesOn() {
		String key = "garbage-" + UUID.randomUUID();
		KafkaTopics.send(TOPIC, key, "this is not an envelope");
		UUID after = UUID.randomUUID();
		KafkaTopics.send(TOPIC, after.toString(), envelope(UUID.randomUUID(), after, "After garbage"));

		var dead = KafkaTopics.awaitRecord(TOPIC + "-dlt", record -> key.equals(record.key()), Duration.ofSeconds(30));
		assertThat(dead.value()).isEqualTo("this is not an envelope");
		assertThat(dead.header("kafka_dlt-exception-message")).isNotBlank();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mongo.exists(byId(after), CatalogProduct.class));
	}

	@Test
	void eventWithoutAProductIdIsDeadLetteredNamingWhatIsMissing() {
		String key = "incomplete-" + UUID.randomUUID();
		KafkaTopics.send(TOPIC, key, """
				{"specversion":"1.0","id":"%s","type":"ProductCreated","source":"product-service",
				 "subject":"x","time":"2026-11-23T10:00:00Z","datacontenttype":"application/json",
				 "data":{"name":"No id"}}""".formatted(UUID.randomUUID()));
		var dead = KafkaTopics.awaitRecord(TOPIC + "-dlt", record -> key.equals(record.key()), Duration.ofSeconds(30));
		assertThat(dead.header("kafka_dlt-exception-message")).contains("lacks productId");
	}

	@Test
	void newArrivalsServeTheReplicaNewestFirst() {
		UUID productId = UUID.randomUUID();
		KafkaTopics.send(TOPIC, productId.toString(), envelope(UUID.randomUUID(), productId, "Brand new lantern"));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.mongo.exists(byId(productId), CatalogProduct.class));

		this.http.get()
			.uri("/api/v1/recommendations/new-arrivals?limit=100")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[?(@.productId == '%s')].reason.code".formatted(productId))
			.isEqualTo("new-arrival");
	}

	@Test
	void aNewerUpdateReplacesTheProductAndAnOlderOneChangesNothing() {
		UUID productId = product("Lantern");
		update(productId, 3, "Lantern, large", "Lumen", List.of("garden", "light"), "12.50", true);
		awaitTrue(() -> "Lantern, large".equals(replica(productId).name()));
		update(productId, 2, "Lantern (old name)", "Old brand", List.of(), "1.00", true);
		update(productId, 3, "Lantern (same version)", "Old brand", List.of(), "1.00", true);
		UUID marker = product("Marker for " + productId);
		update(marker, 1, "Marker renamed", null, List.of(), "1.00", true);
		awaitTrue(() -> "Marker renamed".equals(replica(marker).name()));

		CatalogItem product = replica(productId);
		assertThat(product.name()).isEqualTo("Lantern, large");
		assertThat(product.brand()).isEqualTo("Lumen");
		assertThat(product.tags()).containsExactly("garden", "light");
		assertThat(product.price()).isEqualByComparingTo("12.50");
		assertThat(product.currency()).isEqualTo("EUR");
		assertThat(product.createdAt()).isNotNull();
	}

	@Test
	void theCategoryNameIsKeptFromCreationAndFollowsNewerUpdatesOnly() {
		UUID productId = UUID.randomUUID();
		UUID kitchen = UUID.randomUUID();
		publish(TOPIC, "ProductCreated", productId, Instant.now(),
				fields("productId", productId.toString(), "name", "Enamel jug", "priceAmount", new BigDecimal("7.00"),
						"priceCurrency", "EUR", "categoryId", kitchen.toString(), "categoryName", "Kitchen"));
		awaitTrue(() -> replica(productId) != null && replica(productId).name() != null);
		assertThat(replica(productId).categoryId()).isEqualTo(kitchen);
		assertThat(replica(productId).categoryName()).isEqualTo("Kitchen");

		// The category was renamed: product-service announces each of its products again.
		categorized(productId, 1, kitchen, "Cookware");
		awaitTrue(() -> "Cookware".equals(replica(productId).categoryName()));
		// An older update does not bring the old name back.
		categorized(productId, 1, kitchen, "Kitchen (stale)");
		UUID marker = product("Marker for " + productId);
		update(marker, 1, "Marker renamed", null, List.of(), "1.00", true);
		awaitTrue(() -> "Marker renamed".equals(replica(marker).name()));
		assertThat(replica(productId).categoryName()).isEqualTo("Cookware");

		// An update without the field (a producer from before it) leaves the name unknown.
		update(productId, 2, "Enamel jug", null, List.of(), "7.00", true);
		awaitTrue(() -> replica(productId).categoryName() == null);
		assertThat(replica(product("Unnamed category " + productId, kitchen)).categoryName()).isNull();
	}

	@Test
	void anUpdateThatOvertakesTheCreationKeepsItsFieldsAndTakesTheCreationTime() {
		UUID productId = UUID.randomUUID();
		update(productId, 4, "Updated first", "Lumen", List.of("new"), "20.00", true);
		awaitTrue(() -> replica(productId) != null);
		Instant created = Instant.parse("2026-11-20T09:00:00Z");
		publish(TOPIC, "ProductCreated", productId, created, fields("productId", productId.toString(), "name",
				"Created later", "priceAmount", new BigDecimal("5.00"), "priceCurrency", "EUR"));
		awaitTrue(() -> replica(productId).createdAt() != null);

		CatalogItem product = replica(productId);
		assertThat(product.name()).isEqualTo("Updated first");
		assertThat(product.price()).isEqualByComparingTo("20.00");
		assertThat(product.createdAt()).isEqualTo(created);
	}

	@Test
	void deletedAndUnlistedProductsLeaveNewArrivalsButDeletedOnesStayKnown() {
		UUID deleted = product("Soon deleted " + UUID.randomUUID());
		UUID unlisted = product("Soon unlisted " + UUID.randomUUID());
		UUID listed = product("Still listed " + UUID.randomUUID());
		assertThat(newArrivals()).contains(deleted.toString(), unlisted.toString(), listed.toString());

		deleteProduct(deleted);
		update(unlisted, 1, "Unlisted", null, List.of(), "9.90", false);
		awaitTrue(() -> !replica(unlisted).active());
		// A late update does not bring a deleted product back.
		update(deleted, 7, "Back from the dead", null, List.of(), "9.90", true);
		awaitTrue(() -> "Back from the dead".equals(replica(deleted).name()));

		assertThat(newArrivals()).contains(listed.toString())
			.doesNotContain(deleted.toString(), unlisted.toString());
		assertThat(replica(deleted).deleted()).isTrue();
		assertThat(replica(deleted).recommendable()).isFalse();
		assertThat(this.catalog.loadAll()).extracting(CatalogItem::id).contains(deleted, unlisted, listed);
	}

	@Test
	void aProductIsInStockWhileAnyVariantHasStockComparingSkusIgnoringCase() {
		UUID productId = product("Stocked " + UUID.randomUUID());
		stock(productId, "LANTERN-RED", 0);
		stock(productId, "LANTERN-BLUE", 3);
		awaitTrue(() -> replica(productId).inStock());

		stock(productId, "LANTERN-BLUE", 0);
		awaitTrue(() -> !replica(productId).inStock());

		stock(productId, "lantern-red", 2);
		awaitTrue(() -> replica(productId).inStock());
		stock(productId, "LANTERN-RED", 0);
		awaitTrue(() -> !replica(productId).inStock());
	}

	@Test
	void stockOrDeletionBeforeTheCreationLeavesAStubThatTheCreationCompletes() {
		UUID productId = UUID.randomUUID();
		stock(productId, "EARLY-1", 4);
		awaitTrue(() -> replica(productId) != null && replica(productId).inStock());
		assertThat(replica(productId).name()).isNull();
		assertThat(newArrivals()).doesNotContain(productId.toString());

		publish(TOPIC, "ProductCreated", productId, Instant.now(), fields("productId", productId.toString(), "name",
				"Late creation", "priceAmount", new BigDecimal("5.00"), "priceCurrency", "EUR"));
		awaitTrue(() -> "Late creation".equals(replica(productId).name()));
		assertThat(replica(productId).inStock()).isTrue();
		assertThat(newArrivals()).contains(productId.toString());
	}

	@Test
	void malformedUpdatesAndStockChangesAreDeadLetteredNamingWhatIsMissing() {
		UUID productId = product("Malformed target " + UUID.randomUUID());
		publish(UPDATED, "ProductUpdated", productId, Instant.now(),
				fields("productId", productId.toString(), "name", "No version", "priceAmount", "1.00", "priceCurrency",
						"EUR", "active", true));
		publish(STOCK, "StockChanged", productId, Instant.now(),
				fields("productId", productId.toString(), "sku", "NEG-1", "available", -3));

		var update = KafkaTopics.awaitRecord(UPDATED + "-dlt", record -> productId.toString().equals(record.key()),
				WAIT);
		assertThat(update.header("kafka_dlt-exception-message")).contains("lacks").contains("version");
		var stock = KafkaTopics.awaitRecord(STOCK + "-dlt", record -> productId.toString().equals(record.key()), WAIT);
		assertThat(stock.header("kafka_dlt-exception-message")).contains("non-negative available");
		assertThat(replica(productId).name()).startsWith("Malformed target");
		assertThat(replica(productId).inStock()).isFalse();
	}

	@Test
	void absurdLimitsAreProblemsNamingTheParameter() {
		for (String limit : new String[] { "0", "-1", "10000", "many" }) {
			this.http.get()
				.uri("/api/v1/recommendations/new-arrivals?limit=" + limit)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].parameter")
				.isEqualTo("limit");
		}
	}

	@Test
	void reportsReadyOnlyWithMongoDbAnswering() {
		this.http.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk();
		this.http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status")
			.isEqualTo("UP");
	}

	private List<String> newArrivals() {
		return items(body(get("/api/v1/recommendations/new-arrivals?limit=100", null), 200)).stream()
			.map(item -> item.get("productId").asString())
			.toList();
	}

	private static void update(UUID productId, long version, String name, String brand, List<String> tags,
			String price, boolean active) {
		publish(UPDATED, "ProductUpdated", productId, Instant.now(),
				fields("productId", productId.toString(), "storeId", UUID.randomUUID().toString(), "name", name,
						"slug", "s-" + version, "brand", brand, "categoryId", null, "priceAmount", new BigDecimal(price),
						"priceCurrency", "EUR", "compareAtAmount", null, "tags", tags, "active", active, "version",
						version));
	}

	private static void categorized(UUID productId, long version, UUID categoryId, String categoryName) {
		publish(UPDATED, "ProductUpdated", productId, Instant.now(),
				fields("productId", productId.toString(), "storeId", UUID.randomUUID().toString(), "name",
						"Enamel jug", "slug", "enamel-jug", "brand", null, "categoryId", categoryId.toString(),
						"priceAmount", new BigDecimal("7.00"), "priceCurrency", "EUR", "compareAtAmount", null, "tags",
						List.of(), "active", true, "version", version, "categoryName", categoryName));
	}

	private static void stock(UUID productId, String sku, int available) {
		publish(STOCK, "StockChanged", productId, Instant.now(),
				fields("productId", productId.toString(), "sku", sku, "available", available));
	}

	private static Query byId(UUID id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	private static String envelope(UUID eventId, UUID productId, String name) {
		return """
				{"specversion":"1.0","id":"%s","type":"ProductCreated","source":"product-service",
				 "subject":"%s","time":"2026-11-23T10:00:00Z","datacontenttype":"application/json",
				 "data":{"eventId":"%s","occurredAt":"2026-11-23T10:00:00Z","productId":"%s","name":"%s",
				         "priceAmount":2.55,"priceCurrency":"GBP"}}"""
			.formatted(eventId, productId, eventId, productId, name);
	}

}
