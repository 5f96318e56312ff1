package com.emporium.product.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.emporium.product.Slugs;

/**
 * What a vendor (or admin) sends to add a product.
 *
 * @param storeId the store; may be left out by a caller who owns exactly one
 * @param slug unique among the store's products; made from the name when left out
 * @param compareAtPrice the "was" price: above the price, in its currency
 * @param images at most one primary; the first is primary when none is marked
 * @param active whether shoppers see it (true when left out)
 */
record CreateProductRequest(@Nullable UUID storeId, @NotBlank @Size(max = 200) String name,
		@Nullable @Size(min = 2, max = 120) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String slug,
		@Nullable @Size(max = 100) String brand, @Size(max = 5000) @Nullable String description,
		@NotNull @Valid Money price, @Nullable @Valid Money compareAtPrice, @Nullable UUID categoryId,
		@Nullable @Size(max = 20) List<@NotBlank @Size(max = 40) @Pattern(regexp = "[^\\p{Cntrl}]*",
				message = "must not contain control characters") String> tags,
		@Nullable @KeyValues(entries = 30, keyLength = 50, valueLength = 500) Map<String, String> attributes,
		@Nullable @Size(max = 10) List<@NotNull @Valid ImageRequest> images,
		@Nullable @Size(max = 100) List<@NotNull @Valid VariantRequest> variants, @Nullable Boolean active) {
}
