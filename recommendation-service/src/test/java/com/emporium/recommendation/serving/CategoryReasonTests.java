package com.emporium.recommendation.serving;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.recommendation.RecommendationIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryReasonTests extends RecommendationIntegrationTest {

	@Test
	void popularInCategoryNamesTheCategoryOnceTheCatalogNamedItAndFollowsARename() {
		Shop shop = shop();
		trainAndActivate();
		String lanterns = RECOMMENDATIONS + "/categories/" + shop.lanternCategory() + "?limit=4";
		String mugs = RECOMMENDATIONS + "/categories/" + shop.mugCategory() + "?limit=4";
		assertThat(reasons(lanterns)).containsOnly("Popular in this category");

		name(shop.lanterns(), shop.lanternCategory(), 1, "Garden lanterns");
		awaitTrue(() -> reasons(lanterns).stream().allMatch("Popular in Garden lanterns"::equals));
		// The category is no product that led to the item.
		JsonNode reason = items(body(get(lanterns, null), 200)).getFirst().get("reason");
		assertThat(reason.path("becauseProductName").isMissingNode() || reason.get("becauseProductName").isNull())
			.isTrue();
		// The mugs' category was never named.
		assertThat(reasons(mugs)).hasSize(4).containsOnly("Popular in this category");

		name(shop.lanterns(), shop.lanternCategory(), 2, "Lights");
		awaitTrue(() -> reasons(lanterns).stream().allMatch("Popular in Lights"::equals));
	}

	/** The reason texts of a list, in order; every item's reason is the category's popularity. */
	private List<String> reasons(String path) {
		List<JsonNode> items = items(body(get(path, null), 200));
		assertThat(items).isNotEmpty()
			.allSatisfy(item -> assertThat(item.get("reason").get("code").asString()).isEqualTo("popular-in-category"));
		return items.stream().map(item -> item.get("reason").get("text").asString()).toList();
	}

	/** What product-service sends for each product of a category it names (or renames). */
	private static void name(List<UUID> products, UUID categoryId, long version, String categoryName) {
		for (UUID productId : products) {
			publish("emporium.product.product-updated.v1", "ProductUpdated", productId, Instant.now(),
					fields("productId", productId.toString(), "storeId", UUID.randomUUID().toString(), "name",
							"Lantern " + productId, "slug", "lantern-" + productId, "brand", null, "categoryId",
							categoryId.toString(), "priceAmount", new BigDecimal("9.90"), "priceCurrency", "EUR",
							"compareAtAmount", null, "tags", List.of(), "active", true, "version", version,
							"categoryName", categoryName));
		}
	}

}
