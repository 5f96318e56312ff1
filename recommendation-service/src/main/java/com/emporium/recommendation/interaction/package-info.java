/**
 * Interactions: what shoppers did with products (views, search clicks, cart and wishlist changes,
 * purchases, reviews, and the recommendation impressions and clicks that only their clients see),
 * one MongoDB document each, for training and serving recommendations. Fed idempotently by the
 * fleet's behaviour events and by {@code POST /api/v1/interactions}; shoppers read and erase their
 * own history, staff page through and export everything. Other features read interactions through
 * {@link com.emporium.recommendation.interaction.InteractionLog} (which also records the demo's past
 * purchases, {@link com.emporium.recommendation.interaction.PastPurchase}) and learn of erasures from
 * {@link com.emporium.recommendation.interaction.HistoryErased}. See {@code docs/recommendations.md}.
 */
@NullMarked
package com.emporium.recommendation.interaction;

import org.jspecify.annotations.NullMarked;
