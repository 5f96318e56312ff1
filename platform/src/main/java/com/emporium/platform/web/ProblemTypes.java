package com.emporium.platform.web;

import java.net.URI;

/**
 * Problem {@code type} URIs. Clients branch on these, never on the text; the slugs are stable and
 * documented in {@code docs/problems.md}.
 */
public final class ProblemTypes {

	public static final String BASE = "https://docs.emporium.example/problems/";

	public static final URI VALIDATION = of("validation-failed");

	public static final URI MALFORMED_REQUEST = of("malformed-request");

	public static final URI NOT_FOUND = of("not-found");

	public static final URI UNAUTHENTICATED = of("unauthenticated");

	public static final URI FORBIDDEN = of("forbidden");

	public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");

	public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");

	public static final URI NOT_ACCEPTABLE = of("not-acceptable");

	public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");

	public static final URI URI_TOO_LONG = of("uri-too-long");

	public static final URI HEADERS_TOO_LARGE = of("request-headers-too-large");

	public static final URI CONFLICT = of("conflict");

	public static final URI SERVICE_UNAVAILABLE = of("service-unavailable");

	public static final URI GATEWAY_TIMEOUT = of("gateway-timeout");

	public static final URI INTERNAL_ERROR = of("internal-error");

	private ProblemTypes() {
	}

	public static URI of(String slug) {
		return URI.create(BASE + slug);
	}

}
