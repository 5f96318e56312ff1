package com.emporium.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The {@code X-Request-Id} that follows a request through the gateway and every service it
 * reaches, and into their logs (MDC key {@code requestId}).
 */
public final class RequestIds {

	public static final String HEADER = "X-Request-Id";

	public static final String MDC_KEY = "requestId";

	/** The request (or exchange) attribute holding the id. */
	public static final String ATTRIBUTE = RequestIds.class.getName();

	/** What a client may send us: anything else is replaced, so logs cannot be forged or flooded. */
	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private RequestIds() {
	}

	/** The caller's id when it is well-formed, else a new one. */
	public static String accept(@Nullable String candidate) {
		return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
	}

	public static @Nullable String current(HttpServletRequest request) {
		Object id = request.getAttribute(ATTRIBUTE);
		return id instanceof String value ? value : MDC.get(MDC_KEY);
	}

	/** The id of the request this thread is serving, for outgoing calls and events. */
	public static @Nullable String current() {
		return MDC.get(MDC_KEY);
	}

}
