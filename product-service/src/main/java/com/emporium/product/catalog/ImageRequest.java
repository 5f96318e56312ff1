package com.emporium.product.catalog;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A picture of a product.
 *
 * @param primary whether it is the one shown first; at most one image is, the first when none
 */
record ImageRequest(
		@NotNull @Size(max = 2000) @Pattern(regexp = "https?://\\S+",
				message = "must be an http or https URL without spaces") String url,
		@Nullable @Size(max = 200) String alt, @Nullable Boolean primary) {

	Image toImage() {
		String text = (this.alt != null && !this.alt.isBlank()) ? this.alt.strip() : null;
		return new Image(this.url, text, Boolean.TRUE.equals(this.primary));
	}

}
