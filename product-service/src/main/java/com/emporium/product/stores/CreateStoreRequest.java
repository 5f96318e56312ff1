package com.emporium.product.stores;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.emporium.product.Slugs;

/**
 * What a vendor (or admin) sends to open a store.
 *
 * @param ownerId admins only: the vendor who will own it (the caller by default)
 */
record CreateStoreRequest(@NotBlank @Size(max = 100) String name,
		@NotNull @Size(min = 2, max = 60) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String slug,
		@Nullable @Size(max = 2000) String description, @Nullable UUID ownerId) {
}
