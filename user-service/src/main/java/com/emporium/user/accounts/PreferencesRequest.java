package com.emporium.user.accounts;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * New preferences. They replace the stored ones as a whole: a member left out becomes empty (lists),
 * none (price range) or false (newsletter), so a client sends what it read, changed.
 */
record PreferencesRequest(
		@Nullable @Size(max = 20) List<@NotBlank @Size(max = 40) @Pattern(regexp = "\\P{Cc}*",
				message = "must not contain control characters") String> interests,
		@Nullable @Size(max = 20) List<@NotNull @Size(max = 60) @Pattern(regexp = SLUG,
				message = "must be a category slug: lower-case letters and digits between single dashes") String> favouriteCategories,
		@Nullable @Valid PriceRange priceRange, @Nullable Boolean newsletter) {

	static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

}
