package com.emporium.product.catalog;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A variant of a product.
 *
 * @param sku unique among the variants of every product that is not deleted, ignoring case
 * @param options what tells it apart, such as {@code {"size": "M", "colour": "red"}}
 * @param price its own price, in the product's currency; null for the product's price
 * @param stock how many are available (a long, so that an absurd number is named by validation)
 */
record VariantRequest(
		@NotNull @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
				message = "must be letters, digits, '.', '_' or '-', starting with a letter or digit") String sku,
		@Nullable @KeyValues(entries = 10, keyLength = 30, valueLength = 100) Map<String, String> options,
		@Nullable @Valid Money price, @NotNull @Min(0) @Max(1_000_000) Long stock) {
}
