package com.emporium.user.accounts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a user told the shop about their taste, as stored and shown: interests (trimmed, without
 * case-insensitive duplicates), favourite category slugs, a price range (or none) and whether they
 * want the newsletter.
 */
record Preferences(List<String> interests, List<String> favouriteCategories, @Nullable PriceRange priceRange,
		boolean newsletter) {

	static final Preferences NONE = new Preferences(List.of(), List.of(), null, false);

	/**
	 * The preferences a valid request describes; what it leaves out is empty, none or false.
	 * @throws InvalidPriceRangeException when the range's minimum is above its maximum
	 */
	static Preferences of(PreferencesRequest request) {
		PriceRange range = request.priceRange();
		if (range != null && range.min().compareTo(range.max()) > 0) {
			throw new InvalidPriceRangeException();
		}
		return new Preferences(distinct(request.interests()), distinct(request.favouriteCategories()),
				(range != null) ? range.normalised() : null, Boolean.TRUE.equals(request.newsletter()));
	}

	private static List<String> distinct(@Nullable List<String> values) {
		if (values == null) {
			return List.of();
		}
		Set<String> seen = new HashSet<>();
		List<String> distinct = new ArrayList<>();
		for (String value : values) {
			String stripped = value.strip();
			if (seen.add(stripped.toLowerCase(Locale.ROOT))) {
				distinct.add(stripped);
			}
		}
		return List.copyOf(distinct);
	}

}
