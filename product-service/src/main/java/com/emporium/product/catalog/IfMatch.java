package com.emporium.product.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.web.InvalidFieldException;

import org.springframework.http.HttpHeaders;

/** A product's ETag is its version in quotes ({@code "3"}); {@code If-Match} names one. */
public final class IfMatch {

	private static final Pattern ETAG = Pattern.compile("(W/)?\"?(\\d{1,18})\"?");

	private IfMatch() {
	}

	public static String etag(long version) {
		return "\"" + version + "\"";
	}

	/** The version an {@code If-Match} header names ({@code "3"}, or weak {@code W/"3"}), or null. */
	public static @Nullable Long version(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return null;
		}
		Matcher matcher = ETAG.matcher(ifMatch.strip());
		if (!matcher.matches()) {
			throw InvalidFieldException.parameter(HttpHeaders.IF_MATCH,
					"must be the ETag of a version of this product, such as \"3\"");
		}
		return Long.parseLong(matcher.group(2));
	}

}
