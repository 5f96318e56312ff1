package com.emporium.product.catalog;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * New stock levels for some of a product's variants.
 *
 * @param version the product version the caller read, if it wants the change refused after another
 */
record StockRequest(@Nullable @Min(0) Long version,
		@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Level> variants) {

	record Level(@NotNull @Size(max = 64) String sku, @NotNull @Min(0) @Max(1_000_000) Long stock) {
	}

}
