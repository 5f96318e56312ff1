package com.emporium.recommendation.engine;

import java.io.Serializable;

import java.time.Duration;

/**
 * The knobs of a training run. {@link #defaults()} are the documented defaults; the offline
 * evaluation and the service use the same ones unless configured.
 *
 * @param neighbours item-to-item neighbours kept per item
 * @param trendingHalfLifeDays half-life of the trending score
 * @param recencyHalfLifeDays half-life of a shopper's own interactions in personal scores
 * @param minBasketSupport baskets a pair must share before it becomes a bought-together rule
 * @param clusters K-Means clusters of the content model
 * @param candidatesPerGenerator candidates each generator gives the personalised ranker
 * @param labelWindow the ranker learns to predict what is bought in a window of this length
 * @param labelWindows how many such windows, back to back before the end of the training data, it
 * learns from (each with generators trained on the data before it)
 * @param negativesPerUser candidates not bought, sampled per shopper to train the ranker
 * @param excludeBought whether items the shopper already bought are left out of their
 * recommendations (false: they are allowed, and repeat purchases are recommended)
 * @param seed for sampling and clustering: the same data and seed train the same model
 */
public record EngineSettings(int neighbours, double trendingHalfLifeDays, double recencyHalfLifeDays,
		int minBasketSupport, int clusters, int candidatesPerGenerator, Duration labelWindow, int labelWindows, int negativesPerUser,
		boolean excludeBought, long seed) implements Serializable {

	public static EngineSettings defaults() {
		return new EngineSettings(50, 14, 60, 3, 40, 50, Duration.ofDays(30), 2, 40, false, 42);
	}

	public EngineSettings {
		if (neighbours < 1 || clusters < 1 || candidatesPerGenerator < 1 || labelWindows < 1 || negativesPerUser < 1
				|| minBasketSupport < 1) {
			throw new IllegalArgumentException("counts must be >= 1: " + this);
		}
		if (!(trendingHalfLifeDays > 0) || !(recencyHalfLifeDays > 0) || labelWindow.isNegative()
				|| labelWindow.isZero()) {
			throw new IllegalArgumentException("half-lives and the label window must be > 0");
		}
	}

	public EngineSettings withExcludeBought(boolean exclude) {
		return new EngineSettings(this.neighbours, this.trendingHalfLifeDays, this.recencyHalfLifeDays,
				this.minBasketSupport, this.clusters, this.candidatesPerGenerator, this.labelWindow,
				this.labelWindows, this.negativesPerUser, exclude, this.seed);
	}

}
