package com.emporium.recommendation.engine;

import java.io.Serializable;

/**
 * Popularity: every shopper gets the same list. Plain popularity counts the distinct users who
 * interacted with an item, weighted by how strongly; trending decays each user's contribution with
 * the age of their latest interaction (half-life in days), so last week's favourites beat last
 * year's. Both ignore who asks, which makes them the cold-start fallback.
 */
public final class PopularityModel implements Model, Serializable {

	private static final long serialVersionUID = 1L;

	private final String name;

	private final float[] scores;

	private PopularityModel(String name, float[] scores) {
		this.name = name;
		this.scores = scores;
	}

	/** All-time popularity: the weighted count of distinct users. */
	public static PopularityModel popularity(TrainingData data) {
		float[] scores = new float[data.itemCount()];
		for (int r = 0; r < data.rowItem.length; r++) {
			scores[data.rowItem[r]] += Math.min(1f, data.rowWeight[r]);
		}
		return new PopularityModel("popularity", scores);
	}

	/** Time-decayed popularity. */
	public static PopularityModel trending(TrainingData data, double halfLifeDays) {
		if (!(halfLifeDays > 0)) {
			throw new IllegalArgumentException("halfLifeDays must be > 0, was " + halfLifeDays);
		}
		float[] scores = new float[data.itemCount()];
		double lambda = Math.log(2) / halfLifeDays;
		for (int r = 0; r < data.rowItem.length; r++) {
			scores[data.rowItem[r]] += (float) (Math.min(1f, data.rowWeight[r]) * Math.exp(-lambda * data.rowAgeDays[r]));
		}
		return new PopularityModel("trending", scores);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public void score(Query query, float[] out) {
		for (int i = 0; i < this.scores.length; i++) {
			out[i] += this.scores[i];
		}
	}

	/** The item's score, the same for every shopper. */
	public float score(int item) {
		return this.scores[item];
	}

	@Override
	public Reason reason(Query query, int item) {
		return Reason.of(this.name.equals("trending") ? "trending" : "popular");
	}

}
