/**
 * The demo history: with {@code emporium.recommendation.demo.enabled=true} (the embedded devstack's
 * profile {@code local} only), replays once, in the background, the purchases of the UCI "Online
 * Retail" data set ({@code demo/purchases.csv.gz}, attribution in {@code demo/ATTRIBUTION.md}) for
 * the products of product-service's demo catalog, as made-up customers whose last purchase was a
 * day ago, and trains a first model, so that recommendations are meaningful from the first start.
 * See {@code docs/recommendations.md}, "Demo history".
 */
@NullMarked
package com.emporium.recommendation.demo;

import org.jspecify.annotations.NullMarked;
