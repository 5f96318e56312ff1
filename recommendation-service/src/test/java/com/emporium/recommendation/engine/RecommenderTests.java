package com.emporium.recommendation.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RecommenderTests {

	static final Allowed ANY = Allowed.ALL;

	static final Duration JUST_BOUGHT = Duration.ofDays(14);

	static Shop shop;

	static Recommender recommender;

	@BeforeAll
	static void train() {
		shop = new Shop();
		recommender = shop.train();
	}

	@Test
	void aKnownShopperGetsTheirOwnKindOfItemsFromThePersonalisedRanker() {
		List<Recommendation> list = recommender.forShopper("gardener-1", List.of(), 5, ANY, Duration.ZERO, 0.3,
				List.of());
		assertThat(recommender.personalisedFailure()).isEmpty();
		assertThat(list).hasSize(5);
		assertThat(list).extracting(Recommendation::item).containsExactlyInAnyOrderElementsOf(Shop.GARDEN);
		assertThat(list).allSatisfy((r) -> {
			assertThat(r.algorithm()).isEqualTo("personalised");
			assertThat(r.reason()).isNotBlank();
		});
		assertThat(list.get(0).item()).isIn("hose", "nozzle");
		assertThat(list.get(0).reason()).isEqualTo("buy-again");
	}

	@Test
	void anAnonymousShopperLookingAtTheHoseIsOfferedTheNozzleBoughtWithIt() {
		List<Recommendation> list = recommender.forShopper(null, List.of("hose"), 3, ANY, JUST_BOUGHT, 0.3, List.of());
		assertThat(list.get(0).item()).isEqualTo("nozzle");
		assertThat(list.get(0).because()).isEqualTo("hose");
		assertThat(list.get(0).reason()).isIn("bought-together", "also-bought");
	}

	@Test
	void anItemTheCallerDoesNotAllowNeverAppears() {
		Allowed noNozzle = (item) -> !item.equals("nozzle");
		assertThat(recommender.forShopper("gardener-2", List.of(), 10, noNozzle, Duration.ZERO, 0.3, List.of()))
			.extracting(Recommendation::item)
			.doesNotContain("nozzle")
			.isNotEmpty();
		assertThat(recommender.forShopper(null, List.of("hose"), 10, noNozzle, JUST_BOUGHT, 0.3, List.of()))
			.extracting(Recommendation::item)
			.doesNotContain("nozzle");
		assertThat(recommender.similar("hose", 10, noNozzle)).extracting(Recommendation::item).doesNotContain("nozzle");
		assertThat(recommender.boughtTogether("hose", 10, noNozzle)).extracting(Recommendation::item)
			.doesNotContain("nozzle");
		assertThat(recommender.popular(10, noNozzle)).extracting(Recommendation::item).doesNotContain("nozzle");
		assertThat(recommender.trending(10, noNozzle)).extracting(Recommendation::item).doesNotContain("nozzle");
	}

	@Test
	void aJustBoughtItemIsLeftOutUnlessShoppersBuyItAgainAndAgain() {
		Shop once = new Shop();
		once.interactions.add(Interaction.purchase("gardener-3", "kettle", Shop.NOW.minus(Duration.ofDays(1)), "x", 1));
		Recommender model = once.train();
		List<String> items = model.forShopper("gardener-3", List.of(), 10, ANY, JUST_BOUGHT, 0.3, List.of())
			.stream()
			.map(Recommendation::item)
			.toList();
		// 8 of the kettle's 9 buyers buy it again and again: a repeat item, so it may come back.
		assertThat(items).contains("kettle", "hose");
		// Above any share, nothing bought in the last 14 days comes back.
		List<String> strict = model.forShopper("gardener-3", List.of(), 10, ANY, JUST_BOUGHT, 1.01, List.of())
			.stream()
			.map(Recommendation::item)
			.toList();
		assertThat(strict).doesNotContain("kettle", "hose", "nozzle");
	}

	@Test
	void somethingBoughtSinceTrainingIsLeftOutByTheSameRule() {
		List<String> items = recommender
			.forShopper("cook-1", List.of(), 10, ANY, Duration.ZERO, 1.01, List.of("kettle", "teapot"))
			.stream()
			.map(Recommendation::item)
			.toList();
		assertThat(items).doesNotContain("kettle", "teapot").contains("mugs");
	}

	@Test
	void similarProductsAreBoughtByTheSameShoppersOrDescribedAlike() {
		List<Recommendation> similar = recommender.similar("rake", 4, ANY);
		assertThat(similar).extracting(Recommendation::item).allMatch(Shop.GARDEN::contains);
		assertThat(similar).allSatisfy((r) -> assertThat(r.because()).isEqualTo("rake"));
		assertThat(recommender.similar("unknown", 4, ANY)).isEmpty();
	}

	@Test
	void frequentlyBoughtTogetherCarriesSupportConfidenceAndLift() {
		assertThat(recommender.boughtTogether("kettle", 1, ANY)).extracting(Recommendation::item)
			.containsExactly("teapot");
		double[] rule = recommender.rule("kettle", "teapot").orElseThrow();
		// 160 kitchen baskets of 320 hold both: support 0.5, confidence 1, lift 2.
		assertThat(rule[0]).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
		assertThat(rule[1]).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
		assertThat(rule[2]).isEqualTo(2.0, org.assertj.core.data.Offset.offset(1e-6));
		assertThat(recommender.rule("kettle", "hose")).isEmpty();
	}

	@Test
	void popularityIsAlsoServedPerCategory() {
		assertThat(recommender.popularIn("kitchen", 3, ANY)).extracting(Recommendation::item)
			.allMatch(Shop.KITCHEN::contains)
			.hasSize(3);
		assertThat(recommender.popularIn("no-such-category", 3, ANY)).isEmpty();
	}

	@Test
	void aFreshShopWithoutInteractionsServesFallbacksInsteadOfFailing() {
		Recommender empty = Recommender.train(List.of(), new Shop().catalog, Instant.now(),
				EngineSettings.defaults(), InteractionWeights.defaults());
		assertThat(empty.personalisedFailure()).isPresent();
		assertThat(empty.forShopper("anyone", List.of("hose"), 3, ANY, JUST_BOUGHT, 0.3, List.of())).hasSize(3);
		assertThat(empty.popular(3, ANY)).isEmpty();
		assertThat(empty.similar("hose", 3, ANY)).extracting(Recommendation::item).contains("nozzle");
	}

	@Test
	void aModelReadBackFromItsFileServesTheSameLists() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ModelFiles.write(recommender, bytes);
		Recommender back = ModelFiles.read(new ByteArrayInputStream(bytes.toByteArray()));
		assertThat(back.forShopper("cook-4", List.of(), 5, ANY, JUST_BOUGHT, 0.3, List.of()))
			.isEqualTo(recommender.forShopper("cook-4", List.of(), 5, ANY, JUST_BOUGHT, 0.3, List.of()));
		assertThat(back.trainedAt()).isEqualTo(Shop.NOW);
	}

	@Test
	void aForgottenShopperIsServedAsAShopperTheModelNeverSaw() {
		Recommender forgotten = recommender.without("gardener-1");

		assertThat(forgotten.knowsUser("gardener-1")).isFalse();
		assertThat(forgotten.userCount()).isEqualTo(recommender.userCount() - 1);
		for (List<String> inView : List.of(List.<String>of(), List.of("hose"))) {
			assertThat(forgotten.forShopper("gardener-1", inView, 5, ANY, JUST_BOUGHT, 0.3, List.of()))
				.isEqualTo(forgotten.forShopper("never-seen", inView, 5, ANY, JUST_BOUGHT, 0.3, List.of()))
				.noneMatch(r -> r.algorithm().equals("personalised") || r.reason().equals("buy-again"));
		}
		// Everyone else is served as before, and the model in use by earlier requests is untouched.
		assertThat(forgotten.forShopper("cook-4", List.of(), 5, ANY, JUST_BOUGHT, 0.3, List.of()))
			.isEqualTo(recommender.forShopper("cook-4", List.of(), 5, ANY, JUST_BOUGHT, 0.3, List.of()));
		assertThat(forgotten.forShopper("gardener-2", List.of(), 5, ANY, JUST_BOUGHT, 0.3, List.of()))
			.allMatch(r -> r.algorithm().equals("personalised"));
		assertThat(recommender.knowsUser("gardener-1")).isTrue();
		assertThat(forgotten.without("gardener-1")).as("forgetting again changes nothing").isSameAs(forgotten);
		assertThat(recommender.without("never-seen")).isSameAs(recommender);
	}

	@Test
	void aForgottenShopperIsNobodysSimilarCustomerAndTheirOrdersGoWithThem() {
		Shop withSundial = new Shop();
		// Only gardener-0 ever bought a sundial: it reaches gardener-1 only through them.
		withSundial.interactions.add(Interaction.purchase("gardener-0", "sundial", Shop.NOW.minus(Duration.ofDays(3)),
				"sundial-order", 1));
		TrainingData data = TrainingData.of(withSundial.interactions, withSundial.catalog, Shop.NOW,
				InteractionWeights.defaults());
		UserKnnModel similar = UserKnnModel.train(data, 20);
		int gardener0 = data.user("gardener-0");
		float[] before = new float[data.itemCount()];
		similar.score(Query.forUser(data.user("gardener-1")), before);
		assertThat(before[data.item("sundial")]).isPositive();

		TrainingData forgottenData = data.without(gardener0);
		UserKnnModel forgotten = similar.without(forgottenData, gardener0, data.rowStart[gardener0],
				data.rowStart[gardener0 + 1]);
		float[] after = new float[data.itemCount()];
		forgotten.score(Query.forUser(forgottenData.user("gardener-1")), after);

		assertThat(after[data.item("sundial")]).isZero();
		assertThat(forgotten.linked(gardener0)).isFalse();
		assertThat(forgottenData.user("gardener-0")).isEqualTo(-1);
		assertThat(forgottenData.user("gardener-1")).isEqualTo(data.user("gardener-1"));
		assertThat(forgottenData.rowItem).hasSize(data.rowItem.length - (data.rowStart[gardener0 + 1]
				- data.rowStart[gardener0]));
		assertThat(forgottenData.baskets.length).isEqualTo(data.baskets.length - data.userBaskets[gardener0]);
		assertThat(java.util.Arrays.stream(forgottenData.baskets))
			.noneMatch(basket -> basket.length == 1 && basket[0] == data.item("sundial"));
	}

	@Test
	void aForgottenShopperStaysForgottenInTheModelFile() throws IOException {
		Recommender forgotten = recommender.without("cook-2");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ModelFiles.write(forgotten, bytes);
		Recommender back = ModelFiles.read(new ByteArrayInputStream(bytes.toByteArray()));
		assertThat(back.knowsUser("cook-2")).isFalse();
		assertThat(back.forShopper("cook-2", List.of(), 5, ANY, JUST_BOUGHT, 0.3, List.of()))
			.isEqualTo(back.forShopper("never-seen", List.of(), 5, ANY, JUST_BOUGHT, 0.3, List.of()));
		assertThat(back.forShopper("cook-3", List.of(), 5, ANY, JUST_BOUGHT, 0.3, List.of()))
			.isEqualTo(recommender.forShopper("cook-3", List.of(), 5, ANY, JUST_BOUGHT, 0.3, List.of()));
	}

	@Test
	void aModelFileHoldingAnyOtherClassIsRefused() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes))) {
			out.writeObject(Map.of("counter", new AtomicLong(1)));
		}
		assertThatExceptionOfType(InvalidClassException.class)
			.isThrownBy(() -> ModelFiles.read(new ByteArrayInputStream(bytes.toByteArray())));
	}

}
