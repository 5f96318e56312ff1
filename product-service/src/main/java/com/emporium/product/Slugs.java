package com.emporium.product;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Slugs name things in URLs: lower-case letters and digits in groups joined by single hyphens
 * ({@code garden-tools}).
 */
public final class Slugs {

	public static final String PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

	public static final String MESSAGE = "must be lower-case letters and digits in groups joined by single hyphens, "
			+ "such as garden-tools";

	private Slugs() {
	}

	/** A slug made from a name ("Crème Brûlée Set" becomes {@code creme-brulee-set}), at most {@code max} long. */
	public static String of(String name, int max) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > max) {
			slug = slug.substring(0, max).replaceAll("-+$", "");
		}
		return slug;
	}

}
