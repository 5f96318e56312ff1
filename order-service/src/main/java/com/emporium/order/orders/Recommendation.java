package com.emporium.order.orders;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The recommendation that led to a purchase, kept for attribution.
 *
 * @param source what recommended it ({@code similar-products}, {@code home})
 * @param id the recommendation's id at its source
 */
public record Recommendation(@NotBlank @Size(max = 50) String source, @NotBlank @Size(max = 100) String id) {
}
