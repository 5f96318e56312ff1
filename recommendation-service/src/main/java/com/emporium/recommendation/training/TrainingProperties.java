package com.emporium.recommendation.training;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import com.emporium.recommendation.engine.EngineSettings;
import com.emporium.recommendation.engine.Interaction;
import com.emporium.recommendation.engine.InteractionWeights;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.recommendation.training.*}. The schedule itself is
 * {@code emporium.recommendation.training.cron} (read by {@code @Scheduled}, {@code -} turns it off).
 *
 * @param testWindow the evaluation's test window: the last this-long of purchases is held out
 * @param tolerance how much worse (relative) a candidate's NDCG@10 may be than the active version's
 * and still be activated; -1 to 1 (0.05: up to 5 % worse)
 * @param lockTtl how long the training lock holds without renewal (it is renewed every third of it
 * while a run lasts): how soon another replica may train after this one died mid-run
 * @param keepVersions how many of the newest versions keep their bytes in GridFS (the active one and
 * the A/B variant are always kept); older ones stay listed but can no longer be activated
 * @param maxInteractions a run over more interactions than this fails before loading them: raise it
 * together with the heap
 * @param engine the models' knobs
 * @param weights how much each kind of interaction weighs
 */
@ConfigurationProperties("emporium.recommendation.training")
@Validated
record TrainingProperties(@DefaultValue("30d") @NotNull Duration testWindow,
		@DefaultValue("0.05") @DecimalMin("-1") @DecimalMax("1") double tolerance,
		@DefaultValue("10m") @NotNull Duration lockTtl, @DefaultValue("5") @Min(1) @Max(1000) int keepVersions,
		@DefaultValue("20000000") @Min(1) long maxInteractions, @DefaultValue @Valid Engine engine,
		@DefaultValue @Valid Weights weights) {

	TrainingProperties withTolerance(double tolerance) {
		return new TrainingProperties(this.testWindow, tolerance, this.lockTtl, this.keepVersions,
				this.maxInteractions, this.engine, this.weights);
	}

	TrainingProperties withMaxInteractions(long maxInteractions) {
		return new TrainingProperties(this.testWindow, this.tolerance, this.lockTtl, this.keepVersions,
				maxInteractions, this.engine, this.weights);
	}

	/**
	 * The engine's settings ({@link EngineSettings}); the defaults are the engine's.
	 *
	 * @param neighbours item-to-item neighbours kept per item
	 * @param trendingHalfLife half-life of the trending score
	 * @param recencyHalfLife half-life of a shopper's own interactions in personal scores
	 * @param minBasketSupport baskets a pair must share to become a bought-together rule
	 * @param clusters K-Means clusters of the content model
	 * @param candidatesPerGenerator candidates each model proposes to the personalised ranker
	 * @param labelWindow the window whose purchases the ranker learns to predict
	 * @param labelWindows how many such windows it learns from
	 * @param negativesPerUser candidates not bought, sampled per shopper for the ranker
	 * @param excludeBought leave every item a shopper bought out of their lists (false: the
	 * just-bought rule of serving applies instead)
	 * @param seed the same data and seed train the same model
	 */
	public record Engine(@DefaultValue("50") @Min(1) int neighbours, @DefaultValue("14d") Duration trendingHalfLife,
			@DefaultValue("60d") Duration recencyHalfLife, @DefaultValue("3") @Min(1) int minBasketSupport,
			@DefaultValue("40") @Min(1) int clusters, @DefaultValue("50") @Min(1) int candidatesPerGenerator,
			@DefaultValue("30d") Duration labelWindow, @DefaultValue("2") @Min(1) int labelWindows,
			@DefaultValue("40") @Min(1) int negativesPerUser, @DefaultValue("false") boolean excludeBought,
			@DefaultValue("42") long seed) {

		EngineSettings settings() {
			return new EngineSettings(this.neighbours, days(this.trendingHalfLife), days(this.recencyHalfLife),
					this.minBasketSupport, this.clusters, this.candidatesPerGenerator, this.labelWindow,
					this.labelWindows, this.negativesPerUser, this.excludeBought, this.seed);
		}

		private static double days(Duration duration) {
			return duration.toSeconds() / 86_400.0;
		}

	}

	/** The weight of each kind of interaction (purchase &gt; cart &gt; wishlist &gt; search click &gt; view). */
	public record Weights(@DefaultValue("0.1") @PositiveOrZero double view,
			@DefaultValue("0.15") @PositiveOrZero double searchClick,
			@DefaultValue("0.3") @PositiveOrZero double wishlist, @DefaultValue("0.5") @PositiveOrZero double cart,
			@DefaultValue("1.0") @PositiveOrZero double purchase) {

		InteractionWeights weights() {
			Map<Interaction.Kind, Double> weights = new EnumMap<>(Interaction.Kind.class);
			weights.put(Interaction.Kind.VIEW, this.view);
			weights.put(Interaction.Kind.SEARCH_CLICK, this.searchClick);
			weights.put(Interaction.Kind.WISHLIST, this.wishlist);
			weights.put(Interaction.Kind.CART, this.cart);
			weights.put(Interaction.Kind.PURCHASE, this.purchase);
			return new InteractionWeights(weights);
		}

	}

}
