package com.emporium.recommendation.serving;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReasonsTests {

	@Test
	void reasonsNameTheProductThatLedToThem() {
		assertThat(Reasons.text("bought-together", "Red lantern", true, null)).isEqualTo("Bought together with Red lantern");
		assertThat(Reasons.text("similar-to", "Red lantern", false, null)).isEqualTo("Similar to Red lantern you viewed");
		assertThat(Reasons.text("similar-to", "Red lantern", true, null)).isEqualTo("Similar to Red lantern");
		assertThat(Reasons.text("also-bought", "Red lantern", false, null))
			.isEqualTo("Customers who bought Red lantern also bought this");
	}

	@Test
	void popularInCategoryNamesTheCategoryWhenItsNameIsKnown() {
		assertThat(Reasons.text("popular-in-category", null, false, "Kitchen")).isEqualTo("Popular in Kitchen");
		assertThat(Reasons.text("popular-in-category", null, false, null)).isEqualTo("Popular in this category");
		assertThat(Reasons.text("popular-in-category", null, false, "  ")).isEqualTo("Popular in this category");
		// Only that reason names the category.
		assertThat(Reasons.text("popular", null, false, "Kitchen")).isEqualTo("Popular with shoppers");
		assertThat(Reasons.text("bought-together", "Red lantern", false, "Kitchen"))
			.isEqualTo("Bought together with Red lantern");
	}

	@Test
	void reasonsWithoutAProductStillReadWell() {
		assertThat(Reasons.text("buy-again", null, false, null)).isEqualTo("Buy again");
		assertThat(Reasons.text("customers-like-you", null, false, null)).isEqualTo("Customers like you bought this");
		assertThat(Reasons.text("trending", null, false, null)).isEqualTo("Trending now");
		assertThat(Reasons.text("popular-in-category", null, false, null)).isEqualTo("Popular in this category");
		assertThat(Reasons.text("popular", null, false, null)).isEqualTo("Popular with shoppers");
		assertThat(Reasons.text("new-arrival", null, false, null)).isEqualTo("New in the shop");
		assertThat(Reasons.text("bought-together", null, false, null)).isEqualTo("Often bought together");
		assertThat(Reasons.text("something-new", null, false, null)).isEqualTo("Recommended for you");
	}

}
