package com.emporium.recommendation.engine;

/**
 * A trained recommender: scores every item of the catalogue for a query, and says why an item was
 * scored. Implementations are immutable after training, so a served model can be read by any
 * number of threads while the next one trains.
 */
public interface Model {

	/** The algorithm's stable name, as in metrics, reasons and attribution: {@code item-knn}. */
	String name();

	/**
	 * Adds each item's score for the query to {@code scores} (indexed like the training data's
	 * items). Higher is better; 0 means "no opinion": the caller breaks ties by popularity.
	 */
	void score(Query query, float[] scores);

	/** A short reason a shopper understands for recommending {@code item} to this query. */
	Reason reason(Query query, int item);

}
