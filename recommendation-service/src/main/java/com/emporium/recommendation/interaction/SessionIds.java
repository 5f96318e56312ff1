package com.emporium.recommendation.interaction;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.web.InvalidFieldException;

/**
 * The {@code X-Session-Id} header, as product-service reads it: how an anonymous shopper's browser
 * names its session. 8–64 letters, digits, {@code -} or {@code _} (a UUID fits). Public: the
 * recommendations endpoints read the same header.
 */
public final class SessionIds {

	public static final String HEADER = "X-Session-Id";

	public static final String DESCRIPTION = "An anonymous shopper's session: 8 to 64 letters, digits, '-' or '_' "
			+ "(a UUID fits). Needed without a bearer token; with one, the token's subject is the shopper.";

	public static final String RULE = "must be 8 to 64 letters, digits, '-' or '_'";

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{8,64}");

	private SessionIds() {
	}

	static boolean valid(String sessionId) {
		return FORMAT.matcher(sessionId).matches();
	}

	/** The session id a header or parameter names, or null without one; a malformed one is a 400 naming it. */
	public static @Nullable String parse(String name, @Nullable String value) {
		if (value == null) {
			return null;
		}
		if (!valid(value)) {
			throw InvalidFieldException.parameter(name, RULE);
		}
		return value;
	}

}
