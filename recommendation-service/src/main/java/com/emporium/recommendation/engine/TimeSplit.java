package com.emporium.recommendation.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evaluation protocol's split: train on the purchases before the cut; test the customers with a
 * purchase before it and at least {@code minTestItems} distinct items bought from the cut on (to
 * the end of the data, or {@code end}); their ground truth is every distinct item bought then.
 *
 * @param cut the first instant of the test window
 * @param train the purchases before the cut
 * @param truth per test customer, the distinct items bought in the test window
 */
public record TimeSplit(Instant cut, List<Interaction> train, Map<String, Set<String>> truth) {

	public static TimeSplit of(List<Interaction> purchases, Instant cut, Instant end, int minTestItems) {
		List<Interaction> train = new ArrayList<>();
		Set<String> trainCustomers = new HashSet<>();
		Map<String, Set<String>> after = new LinkedHashMap<>();
		for (Interaction purchase : purchases) {
			if (purchase.at().isBefore(cut)) {
				train.add(purchase);
				trainCustomers.add(purchase.user());
			}
			else if (purchase.at().isBefore(end)) {
				after.computeIfAbsent(purchase.user(), (user) -> new HashSet<>()).add(purchase.item());
			}
		}
		Map<String, Set<String>> truth = new HashMap<>();
		after.forEach((user, items) -> {
			if (trainCustomers.contains(user) && items.size() >= minTestItems) {
				truth.put(user, Set.copyOf(items));
			}
		});
		return new TimeSplit(cut, List.copyOf(train), Map.copyOf(truth));
	}

}
