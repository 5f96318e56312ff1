package com.emporium.recommendation.interaction;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a client saw or opened of a list of recommendations: interactions only the client sees.
 *
 * @param type an impression (the list was shown) or a click (one product of it was opened)
 * @param recommendationId the list's id, as the recommendations endpoint returned it
 * @param algorithm what made the list, as returned with it
 * @param context where the list was shown
 * @param productIds impressions: the products shown, in order (1 to 100)
 * @param productId clicks: the product opened
 * @param position clicks: the product's place in the list (from 1); impressions: the first shown
 * product's place (default 1, the others follow in order)
 */
record PostedInteraction(@NotNull Kind type,
		@Schema(maxLength = 100) @NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROLS,
				message = NO_CONTROLS_MESSAGE) String recommendationId,
		@Schema(maxLength = 50) @NotBlank @Size(max = 50) @Pattern(regexp = NO_CONTROLS,
				message = NO_CONTROLS_MESSAGE) String algorithm,
		@NotNull Context context,
		@Schema(description = "Impressions only: the products shown, in order") @Nullable @Size(min = 1,
				max = MAX_PRODUCTS) List<@NotNull UUID> productIds,
		@Schema(description = "Clicks only: the product opened") @Nullable UUID productId,
		@Schema(description = "Clicks: the product's place in the list; impressions: the first product's (default 1)",
				minimum = "1", maximum = "1000") @Nullable @Min(1) @Max(MAX_POSITION) Integer position) {

	static final int MAX_PRODUCTS = 100;

	static final int MAX_POSITION = 1000;

	static final String NO_CONTROLS = "[^\\p{Cntrl}]*";

	static final String NO_CONTROLS_MESSAGE = "must not contain control characters";

	/** The interactions a client may post. */
	enum Kind {

		RECOMMENDATION_IMPRESSION(InteractionType.RECOMMENDATION_IMPRESSION),

		RECOMMENDATION_CLICK(InteractionType.RECOMMENDATION_CLICK);

		final InteractionType type;

		Kind(InteractionType type) {
			this.type = type;
		}

	}

	/** Where a list of recommendations was shown; on the wire in lower case. */
	enum Context {

		@JsonProperty("homepage")
		HOMEPAGE("homepage"),

		@JsonProperty("product_page")
		PRODUCT_PAGE("product_page"),

		@JsonProperty("cart")
		CART("cart"),

		@JsonProperty("checkout")
		CHECKOUT("checkout");

		final String wire;

		Context(String wire) {
			this.wire = wire;
		}

		/** As on the wire: validation problems list the accepted values this way. */
		@Override
		public String toString() {
			return this.wire;
		}

	}

}
