package com.emporium.recommendation.engine;

import java.util.BitSet;
import java.util.function.Predicate;

/**
 * Which items a list may show, by product id. A recommender asks for {@link #excluded} once per
 * list, in its own numbering of items; the default tests every item it knows, which a caller that
 * serves many lists replaces with a set it computed once per catalog state (see
 * {@link Recommender#unavailable}).
 */
@FunctionalInterface
public interface Allowed extends Predicate<String> {

	/** Everything is allowed. */
	Allowed ALL = (id) -> true;

	/** The items of {@code recommender} that may not be shown, as a new set the recommender may change. */
	default BitSet excluded(Recommender recommender) {
		return recommender.unavailable(this);
	}

}
