package com.emporium.recommendation.serving;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReasonsTests {

	@Test
	void reasonsNameTheProductThatLedToThem() {
		assertThat(Reasons.text("bought-together", "Red lantern", true)).isEqualTo("Bought together with Red lantern");
		assertThat(Reasons.text("similar-to", "Red lantern", false)).isEqualTo("Similar to Red lantern you viewed");
		assertThat(Reasons.text("similar-to", "Red lantern", true)).isEqualTo("Similar to Red lantern");
		assertThat(Reasons.text("also-bought", "Red lantern", false))
			.isEqualTo("Customers who bought Red lantern also bought this");
	}

	@Test
	void reasonsWithoutAProductStillReadWell() {
		assertThat(Reasons.text("buy-again", null, false)).isEqualTo("Buy again");
		assertThat(Reasons.text("customers-like-you", null, false)).isEqualTo("Customers like you bought this");
		assertThat(Reasons.text("trending", null, false)).isEqualTo("Trending now");
		assertThat(Reasons.text("popular-in-category", null, false)).isEqualTo("Popular in this category");
		assertThat(Reasons.text("popular", null, false)).isEqualTo("Popular with shoppers");
		assertThat(Reasons.text("new-arrival", null, false)).isEqualTo("New in the shop");
		assertThat(Reasons.text("bought-together", null, false)).isEqualTo("Often bought together");
		assertThat(Reasons.text("something-new", null, false)).isEqualTo("Recommended for you");
	}

}
