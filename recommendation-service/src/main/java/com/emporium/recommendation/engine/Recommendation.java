package com.emporium.recommendation.engine;

import org.jspecify.annotations.Nullable;

/**
 * One recommended item, with the model that chose it and why.
 *
 * @param item the product id
 * @param score the model's score (comparable within one list only)
 * @param algorithm the model that produced it: {@code personalised}, {@code also-bought}, ...
 * @param reason a stable reason code: {@code buy-again}, {@code also-bought}, {@code bought-together},
 * {@code similar-to}, {@code customers-like-you}, {@code popular}, {@code popular-in-category},
 * {@code trending}
 * @param because the product that led to it ("bought together with X"), or null
 */
public record Recommendation(String item, double score, String algorithm, String reason, @Nullable String because) {

}
