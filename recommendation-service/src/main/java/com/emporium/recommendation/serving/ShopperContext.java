package com.emporium.recommendation.serving;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/** Where a list is shown; on the wire in lower case, as clients post it with impressions and clicks. */
enum ShopperContext {

	HOMEPAGE, PRODUCT_PAGE, CART, CHECKOUT;

	static final String VALUES = Arrays.stream(values()).map(ShopperContext::wire).collect(Collectors.joining(", "));

	String wire() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The context a parameter names, or {@code otherwise} without one; an unknown one is a 400 naming it. */
	static ShopperContext parse(@Nullable String value, ShopperContext otherwise) {
		if (value == null) {
			return otherwise;
		}
		for (ShopperContext context : values()) {
			if (context.wire().equals(value)) {
				return context;
			}
		}
		throw new InvalidParameterException("context", "must be one of " + VALUES);
	}

}
