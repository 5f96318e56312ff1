package com.emporium.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a validation problem's {@code errors} list: {@code pointer} (a JSON pointer into the
 * body, as in RFC 9457's example) or {@code parameter} (a query, path or header parameter), and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(@Nullable String pointer, @Nullable String parameter, String detail) {

	public static FieldError body(String pointer, String detail) {
		return new FieldError(pointer, null, detail);
	}

	public static FieldError parameter(String name, String detail) {
		return new FieldError(null, name, detail);
	}

}
