package com.emporium.order.cart;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.cart.*}.
 *
 * @param maxQuantityPerLine the most of one product variant a cart holds
 * @param maxLines the most distinct lines a cart holds
 */
@ConfigurationProperties("emporium.cart")
@Validated
record CartProperties(@DefaultValue("10") @Min(1) @Max(1000) int maxQuantityPerLine,
		@DefaultValue("50") @Min(1) @Max(500) int maxLines) {
}
