package com.emporium.recommendation.serving;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.emporium.recommendation.RecommendationIntegrationTest;
import com.emporium.recommendation.training.ExperimentProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class ExperimentTests extends RecommendationIntegrationTest {

	@Autowired
	private ServedLists servedLists;

	/** A served list as attribution reads it (what is still queued is stored first). */
	private ServedList served(String recommendationId) {
		return this.servedLists.find(List.of(recommendationId)).get(recommendationId);
	}


	@Autowired
	ActiveModel activeModel;

	@Autowired
	ExperimentProperties configured;

	@Test
	void anAbTestServesEachShopperOneVariantStablyAndThePerformanceReportSplitsByVariant() {
		Shop shop = shop();
		long variantB = trainAndActivate();
		long variantA = trainAndActivate();
		ExperimentProperties experiment = new ExperimentProperties(true, variantB, 0.5);
		JsonNode before = performance();
		this.activeModel.experiment(experiment);
		try {
			List<UUID> shoppers = new ArrayList<>(shop.lanternFans());
			shoppers.addAll(shop.mugFans());
			Map<UUID, Long> served = new HashMap<>();
			int impressions = 0;
			for (UUID shopper : shoppers) {
				JsonNode first = body(get(RECOMMENDATIONS + "/users/me", Shopper.token(shopper)), 200);
				JsonNode again = body(get(RECOMMENDATIONS + "/popular", Shopper.token(shopper)), 200);
				long version = first.get("modelVersion").asLong();
				assertThat(again.get("modelVersion").asLong()).isEqualTo(version);
				String variant = AbSplit.variant(shopper.toString(), experiment);
				assertThat(version).isEqualTo(variant.equals(AbSplit.B) ? variantB : variantA);
				assertThat(served(first.get("recommendationId").asString())
					.variant()).isEqualTo(variant);
				served.put(shopper, version);
				impression(shopper, first);
				impressions += items(first).size();
			}
			assertThat(new HashSet<>(served.values())).containsExactlyInAnyOrder(variantA, variantB);

			JsonNode after = performance();
			long inA = shoppersIn(served, variantA);
			long inB = shoppersIn(served, variantB);
			assertThat(inA + inB).isEqualTo(shoppers.size());
			long gainedA = impressionsOf(after, "A") - impressionsOf(before, "A");
			long gainedB = impressionsOf(after, "B") - impressionsOf(before, "B");
			assertThat(gainedA + gainedB).isEqualTo(impressions);
			assertThat(gainedA).isPositive();
			assertThat(gainedB).isPositive();
		}
		finally {
			this.activeModel.experiment(this.configured);
		}
		// Without the test, everyone is served the active version again.
		JsonNode list = body(get(RECOMMENDATIONS + "/users/me", Shopper.token(shop.mugFans().getFirst())), 200);
		assertThat(list.get("modelVersion").asLong()).isEqualTo(variantA);
	}

	private void impression(UUID shopper, JsonNode list) {
		body(send(HttpMethod.POST, "/api/v1/interactions", Shopper.token(shopper),
				Map.of("type", "RECOMMENDATION_IMPRESSION", "recommendationId", list.get("recommendationId").asString(),
						"algorithm", list.get("algorithm").asString(), "context", "homepage", "productIds",
						items(list).stream().map(item -> item.get("productId").asString()).toList()),
				Map.of()), 202);
	}

	private JsonNode performance() {
		return body(get("/api/v1/admin/recommendations/performance?days=1", MANAGER), 200);
	}

	private static long impressionsOf(JsonNode report, String variant) {
		return report.get("byVariant")
			.valueStream()
			.filter(row -> row.get("variant").asString().equals(variant))
			.mapToLong(row -> row.get("figures").get("impressions").asLong())
			.sum();
	}

	private static long shoppersIn(Map<UUID, Long> served, long version) {
		Set<UUID> shoppers = new HashSet<>();
		served.forEach((shopper, v) -> {
			if (v == version) {
				shoppers.add(shopper);
			}
		});
		return shoppers.size();
	}

}
