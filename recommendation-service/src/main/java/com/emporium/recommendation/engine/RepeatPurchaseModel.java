package com.emporium.recommendation.engine;

import java.io.Serializable;

/**
 * The shopper's own past purchases, most often bought first, the most recent first among equals.
 * A baseline that is hard to beat on wholesale data, where customers restock the same lines.
 */
public final class RepeatPurchaseModel implements Model, Serializable {

	private static final long serialVersionUID = 1L;

	private final TrainingData data;

	public RepeatPurchaseModel(TrainingData data) {
		this.data = data;
	}

	@Override
	public String name() {
		return "repeat-purchase";
	}

	@Override
	public void score(Query query, float[] out) {
		if (!query.knownUser()) {
			return;
		}
		TrainingData d = this.data;
		for (int r = d.rowStart[query.user()]; r < d.rowStart[query.user() + 1]; r++) {
			if (d.rowBaskets[r] > 0) {
				// Frequency first; recency (within a few years) breaks ties below one basket.
				out[d.rowItem[r]] += d.rowBaskets[r] + 1f / (2f + d.rowPurchaseAgeDays[r]);
			}
		}
	}

	@Override
	public Reason reason(Query query, int item) {
		return Reason.of("buy-again");
	}

}
