package com.emporium.recommendation.engine;

import org.jspecify.annotations.Nullable;

/**
 * Why an item is recommended: a stable code for clients, and the item that led to it if any (the
 * text is built by the caller, who knows product names).
 *
 * @param code {@code bought-together}, {@code similar-to}, {@code also-bought}, {@code popular},
 * {@code popular-in-category}, {@code trending}, {@code buy-again}, {@code new-arrival}
 * @param because the item that led to it ("bought together with X"), or -1
 */
public record Reason(String code, int because) implements java.io.Serializable {

	public static Reason of(String code) {
		return new Reason(code, -1);
	}

	public @Nullable String becauseOf(TrainingData data) {
		return (this.because >= 0) ? data.itemId(this.because) : null;
	}

}
