package com.emporium.product.demo;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.product.ProductServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo catalog, in a context of its own on a schema of its own (the shared one has the other
 * tests' products, and the demo loads only into an empty catalog); its Kafka listeners stay stopped
 * so that they take no records from the shared context's.
 */
@TestPropertySource(properties = { "emporium.catalog.demo.enabled=true", "spring.flyway.schemas=demo_catalog",
		"spring.datasource.hikari.connection-init-sql=SET search_path TO demo_catalog, public",
		"spring.jpa.properties.hibernate.default_schema=demo_catalog", "spring.kafka.listener.auto-startup=false" })
class DemoCatalogTests extends ProductServiceIntegrationTest {

	@Autowired
	DemoCatalog demo;

	@Test
	void theDemoCatalogIsBrowsableAndSearchableAndLoadsOnce() {
		JsonNode all = body(get("/api/v1/products?size=5", null), 200);
		assertThat(all.get("totalItems").asLong()).isEqualTo(1000);

		JsonNode stores = body(get("/api/v1/stores", null), 200);
		assertThat(stores.get("items").valueStream().map(store -> store.get("slug").asString()))
			.contains("emporium-home", "emporium-gifts");
		JsonNode tree = body(get("/api/v1/categories", null), 200);
		assertThat(tree.valueStream().map(category -> category.get("slug").asString())).contains("candles-and-lights",
				"kitchen-and-dining", "gifts-and-more");

		JsonNode found = body(get("/api/v1/search?q=lantern", null), 200);
		assertThat(found.get("totalItems").asLong()).isPositive();
		JsonNode lantern = found.get("items").get(0);
		assertThat(lantern.get("name").asString()).containsIgnoringCase("lantern");
		assertThat(lantern.get("price").get("currency").asString()).isEqualTo("GBP");
		String lights = tree.valueStream()
			.filter(category -> category.get("slug").asString().equals("candles-and-lights"))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString();
		assertThat(body(get("/api/v1/products?category=" + lights, null), 200).get("totalItems").asLong())
			.isPositive();
		JsonNode heart = body(get("/api/v1/search?q=white+hanging+heart+holder", null), 200).get("items").get(0);
		assertThat(heart.get("name").asString()).isEqualTo("White Hanging Heart T-Light Holder");
		assertThat(heart.get("categoryId").asString()).isEqualTo(lights);

		// Started again, and by two instances at once: nothing more.
		CompletableFuture.allOf(CompletableFuture.runAsync(this.demo::load), CompletableFuture.runAsync(this.demo::load))
			.join();
		assertThat(count("SELECT count(*) FROM products")).isEqualTo(1000);
		assertThat(count("SELECT count(*) FROM stores WHERE slug LIKE 'emporium-%'")).isEqualTo(2);
	}

	@Test
	void theCategoryRuleTakesTheFirstKeywordThatIsAWordOfTheName() {
		assertThat(DemoCategories.of("White Hanging Heart T-Light Holder").slug()).isEqualTo("candles-and-lights");
		assertThat(DemoCategories.of("Regency Cakestand 3 Tier").slug()).isEqualTo("kitchen-and-dining");
		assertThat(DemoCategories.of("Jumbo Bag Red Retrospot").slug()).isEqualTo("bags-and-storage");
		assertThat(DemoCategories.of("Paper Chain Kit 50's Christmas").slug()).isEqualTo("christmas-and-party");
		assertThat(DemoCategories.of("Assorted Colour Bird Ornament").slug()).isEqualTo("home-decor");
		assertThat(DemoCategories.of("Pack Of 72 Retrospot Cake Cases").slug()).isEqualTo("kitchen-and-dining");
		assertThat(DemoCategories.of("Victorian Glass Hanging T-Light").slug()).isEqualTo("candles-and-lights");
		assertThat(DemoCategories.of("Mini Paint Set Vintage").slug()).isEqualTo("gifts-and-more");
		// Whole words only: "TEAPOT" is no "TEA", "CARDHOLDER" no "CARD".
		assertThat(DemoCategories.of("Spaceboy Cardholder").slug()).isEqualTo("toys-and-games");
	}

}
