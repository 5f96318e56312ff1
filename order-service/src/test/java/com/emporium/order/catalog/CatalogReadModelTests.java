package com.emporium.order.catalog;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.emporium.order.OrderServiceIntegrationTest;
import com.emporium.platform.test.KafkaTopics;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogReadModelTests extends OrderServiceIntegrationTest {

	static final String UPDATED = "emporium.product.product-updated.v1";

	@Test
	void aCreatedProductIsKnownWithItsPriceAndStock() {
		Product product = product("12.50", "EUR", 7);

		CatalogProduct known = this.catalog.find(product.id()).orElseThrow();
		assertThat(known.name()).isEqualTo(product.name());
		assertThat(known.price()).isEqualByComparingTo("12.50");
		assertThat(known.currency()).isEqualTo("EUR");
		assertThat(known.orderable()).isTrue();
		assertThat(known.available(product.sku().toLowerCase())).isEqualTo(7);
	}

	@Test
	void anUpdateReplacesThePriceAndAnOlderOneIsIgnored() {
		Product product = product("10.00", "EUR", 1);
		update(product, "15.00", true, 3);
		update(product, "11.00", true, 2);
		// Same key, same partition, in order: once this one is applied, both before it were handled.
		update(product, "15.00", false, 4);

		CatalogProduct known = awaitProduct(product.id(), found -> !found.active());
		assertThat(known.price()).isEqualByComparingTo("15.00");
		assertThat(known.orderable()).isFalse();
	}

	@Test
	void aDuplicateDeliveryChangesNothing() {
		Product product = product("10.00", "EUR", 5);
		UUID first = UUID.randomUUID();
		Map<String, Object> fiveLeft = Map.of("productId", product.id().toString(), "sku", product.sku(), "available",
				2);
		publish("emporium.product.stock-changed.v1", product.id().toString(), "StockChanged", first, fiveLeft);
		stock(product, product.sku(), 0);
		// The first event again, as after a consumer crash: it must not bring the stock back to 2.
		publish("emporium.product.stock-changed.v1", product.id().toString(), "StockChanged", first, fiveLeft);
		String marker = "MARK-" + unique();
		stock(product, marker, 1);

		CatalogProduct known = awaitProduct(product.id(), found -> found.available(marker) != null);
		assertThat(known.available(product.sku())).isZero();
		assertThat(count("SELECT count(*) FROM processed_event WHERE consumer = 'catalog' AND event_id = ?", first))
			.isOne();
	}

	@Test
	void aDeletedProductStaysDeletedWhateverComesLater() {
		Product product = product("10.00", "EUR", 5);
		publish("emporium.product.product-deleted.v1", product.id().toString(), "ProductDeleted",
				Map.of("productId", product.id().toString(), "storeId", UUID.randomUUID().toString()));
		// The deletion and the update travel on different topics, so only waiting makes the update later.
		awaitProduct(product.id(), CatalogProduct::deleted);
		update(product, "9.00", true, 9);
		String marker = "MARK-" + unique();
		stock(product, marker, 1);

		CatalogProduct known = awaitProduct(product.id(), found -> found.available(marker) != null);
		assertThat(known.deleted()).isTrue();
		assertThat(known.orderable()).isFalse();
		assertThat(known.price()).isEqualByComparingTo("10.00");
	}

	@Test
	void anEventWithoutAProductIdGoesToTheDeadLetterTopic() {
		String key = "broken-" + unique();
		publish(UPDATED, key, "ProductUpdated", Map.of("name", "nameless", "version", 1));
		KafkaTopics.Record dead = KafkaTopics.awaitRecord(UPDATED + "-dlt", record -> key.equals(record.key()),
				Duration.ofSeconds(30));
		assertThat(dead.header("kafka_dlt-exception-message")).contains("lacks");
	}

	private static void update(Product product, String price, boolean active, long version) {
		publish(UPDATED, product.id().toString(), "ProductUpdated",
				Map.of("productId", product.id().toString(), "storeId", UUID.randomUUID().toString(), "name",
						product.name(), "slug", "oak", "priceAmount", price, "priceCurrency", "EUR", "tags",
						java.util.List.of(), "active", active, "version", version));
	}

}
