/**
 * Pricing: prices shown in another currency ({@code ?currency=}), at rates fetched from a
 * freecurrencyapi-compatible HTTP API, cached for a while, called with a timeout behind a
 * Resilience4j circuit breaker ({@code exchange-rates}). Implements the catalog's
 * {@link com.emporium.product.catalog.CurrencyConverter}; never fails a request.
 */
@NullMarked
package com.emporium.product.pricing;

import org.jspecify.annotations.NullMarked;
