package com.emporium.product;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.web.InvalidFieldException;

/**
 * The {@code X-Session-Id} header: how an anonymous shopper's browser names its session, so that
 * its views and searches hang together. 8–64 letters, digits, {@code -} or {@code _} (a UUID
 * fits); anything else is refused naming the header, never stored.
 */
public final class SessionIds {

	public static final String HEADER = "X-Session-Id";

	public static final String DESCRIPTION = "An anonymous shopper's session: 8 to 64 letters, digits, '-' or '_' "
			+ "(a UUID fits). Ignored for signed-in callers' identity, which is the token's subject.";

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{8,64}");

	private SessionIds() {
	}

	/** The session id a header names, or null without one; a malformed one is a 400 naming the header. */
	public static @Nullable String parse(@Nullable String header) {
		if (header == null) {
			return null;
		}
		if (!FORMAT.matcher(header).matches()) {
			throw InvalidFieldException.parameter(HEADER, "must be 8 to 64 letters, digits, '-' or '_'");
		}
		return header;
	}

}
