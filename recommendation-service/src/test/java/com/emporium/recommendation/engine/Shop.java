package com.emporium.recommendation.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small shop with habits, for the engine's tests: garden customers buy garden items, kitchen
 * customers kitchen items, every week for twenty weeks; the hose and the nozzle always go
 * together; some customers only view.
 */
final class Shop {

	static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

	static final Instant NOW = START.plus(Duration.ofDays(140));

	static final List<String> GARDEN = List.of("hose", "nozzle", "rake", "gloves", "seeds");

	static final List<String> KITCHEN = List.of("kettle", "teapot", "mugs", "spoon", "whisk");

	final List<Interaction> interactions = new ArrayList<>();

	final Map<String, ItemInfo> catalog = new HashMap<>();

	Shop() {
		describe("hose", "green garden hose 20 m", "garden");
		describe("nozzle", "brass garden hose nozzle", "garden");
		describe("rake", "steel garden rake", "garden");
		describe("gloves", "leather garden gloves", "garden");
		describe("seeds", "tomato seeds for the garden", "garden");
		describe("kettle", "enamel kitchen kettle", "kitchen");
		describe("teapot", "china teapot for the kitchen", "kitchen");
		describe("mugs", "four kitchen mugs", "kitchen");
		describe("spoon", "wooden kitchen spoon", "kitchen");
		describe("whisk", "steel kitchen whisk", "kitchen");
		for (int week = 0; week < 20; week++) {
			for (int c = 0; c < 8; c++) {
				Instant at = START.plus(Duration.ofDays(7L * week + c % 5)).plusSeconds(3600L * c);
				buyWeekly("gardener-" + c, GARDEN, week, c, at);
				buyWeekly("cook-" + c, KITCHEN, week, c, at);
			}
		}
		for (int v = 0; v < 5; v++) {
			this.interactions.add(new Interaction("browser-" + v, "teapot", START.plus(Duration.ofDays(100 + v)),
					Interaction.Kind.VIEW, null, 1));
		}
	}

	private void buyWeekly(String customer, List<String> items, int week, int c, Instant at) {
		String basket = customer + "-w" + week;
		// The first two items (hose + nozzle, kettle + teapot) always go together; one more rotates.
		add(customer, items.get(0), at, basket);
		add(customer, items.get(1), at, basket);
		add(customer, items.get(2 + (week + c) % 3), at, basket);
	}

	private void add(String customer, String item, Instant at, String basket) {
		this.interactions.add(Interaction.purchase(customer, item, at, basket, 1));
	}

	private void describe(String id, String text, String category) {
		this.catalog.put(id, new ItemInfo(id, text, category, List.of(category)));
	}

	Recommender train() {
		return Recommender.train(this.interactions, this.catalog, NOW, EngineSettings.defaults(),
				InteractionWeights.defaults());
	}

}
