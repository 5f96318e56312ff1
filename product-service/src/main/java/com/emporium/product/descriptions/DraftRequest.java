package com.emporium.product.descriptions;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What the owner adds to the product's own facts for a draft.
 *
 * @param keyFeatures what the description should bring out ("solid oak", "seats four")
 */
record DraftRequest(@Nullable @Size(max = 10) List<@NotBlank @Size(max = 200) String> keyFeatures) {
}
