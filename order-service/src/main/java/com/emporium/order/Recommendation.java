package com.emporium.order;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The recommendation that led to a cart add or a purchase, kept for attribution. Shared by the
 * cart ({@code POST /cart/items}) and checkout ({@code POST /orders}), with the same rules.
 *
 * @param source what recommended it ({@code similar-products}, {@code home}); for a list of
 * recommendation-service, the item's {@code algorithm}
 * @param id the recommendation's id at its source (recommendation-service's {@code recommendationId})
 */
public record Recommendation(
		@Schema(description = "What recommended it, up to 50 characters; for a list of recommendation-service, the "
				+ "item's algorithm (attribution uses it once the list is forgotten)",
				maxLength = 50) @NotBlank @Size(max = 50) String source,
		@Schema(description = "The recommendation's id at its source, up to 100 characters: recommendation-service's "
				+ "recommendationId", maxLength = 100) @NotBlank @Size(max = 100) String id) {
}
