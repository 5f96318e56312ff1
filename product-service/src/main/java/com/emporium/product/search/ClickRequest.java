package com.emporium.product.search;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Which result of a search a shopper opened.
 *
 * @param position where it was shown, from 1, across pages (page 2 of size 20 starts at 21)
 */
record ClickRequest(@NotNull UUID searchId, @NotNull UUID productId,
		@NotNull @Min(1) @Max(SearchEngine.MAX_POSITION) Integer position) {
}
