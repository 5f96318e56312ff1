package com.emporium.product;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Reads which unique index refused a write, and the value it refused, from PostgreSQL's message
 * ({@code duplicate key value violates unique constraint "stores_slug_key"}, {@code Detail: Key
 * (slug)=(tea) already exists.}).
 */
public final class UniqueViolations {

	private static final Pattern VALUE = Pattern.compile("Key \\(.*\\)=\\((.*)\\) already exists");

	private UniqueViolations() {
	}

	/** Whether the write broke the unique index (or constraint) with this name. */
	public static boolean violates(DataIntegrityViolationException ex, String index) {
		return message(ex).contains("\"" + index + "\"");
	}

	/** The refused value as PostgreSQL quotes it, or null. */
	public static @Nullable String value(DataIntegrityViolationException ex) {
		Matcher matcher = VALUE.matcher(message(ex));
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String message(DataIntegrityViolationException ex) {
		return String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
	}

}
