/**
 * Serving recommendations: the active model version (and an A/B variant) held in memory and swapped
 * atomically on activation, an in-memory snapshot of the catalog replica that says what may be
 * shown (listed, not deleted, not out of stock), the lists for shoppers, products, categories and
 * the shop, with reasons a shopper understands, and fallbacks from the catalog when there is no
 * model yet. Every list served is remembered for attribution. See {@code docs/recommendations.md}.
 */
@NullMarked
package com.emporium.recommendation.serving;

import org.jspecify.annotations.NullMarked;
