package com.emporium.product.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What a vendor sends to add a product. */
record CreateProductRequest(@NotBlank @Size(max = 200) String name, @Size(max = 5000) @Nullable String description,
		@NotNull @Valid Money price) {
}
