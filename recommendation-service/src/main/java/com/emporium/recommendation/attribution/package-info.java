/**
 * Attribution: how the recommendations did. Impressions and clicks that clients post are credited,
 * product by product, to the algorithm that chose each product (as the served list remembers it)
 * and to the A/B variant. A cart add or a purchased order line that names the list that led to it
 * is credited to that list the same way (when it was served to the same shopper); other cart adds and
 * purchases of a product that follow a click on it by the same shopper within 24 hours are credited
 * to that click. See {@code docs/recommendations.md}.
 */
@NullMarked
package com.emporium.recommendation.attribution;

import org.jspecify.annotations.NullMarked;
