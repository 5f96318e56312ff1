package com.emporium.product.views;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.catalog.views.*}.
 *
 * @param dedupWindow repeat views of a product by one viewer within this count once
 * @param flushInterval how often noted views are written (counts, recently viewed, events)
 * @param recentlyViewed how many recently viewed products are kept per user
 * @param maxViewers how many (viewer, product) pairs the dedup memory holds; past that it forgets
 * the oldest half early (a few repeat views then count again)
 */
@ConfigurationProperties("emporium.catalog.views")
@Validated
record ViewProperties(@NotNull @DefaultValue("PT30M") Duration dedupWindow,
		@NotNull @DefaultValue("PT1S") Duration flushInterval, @Min(1) @Max(500) @DefaultValue("50") int recentlyViewed,
		@Min(100) @DefaultValue("200000") int maxViewers) {
}
