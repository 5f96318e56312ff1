package com.emporium.payment.processor;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CardTests {

	private static final YearMonth NOW = YearMonth.of(2026, 11);

	@Test
	void acceptsValidCardsAndKnowsTheirBrand() {
		assertThat(new Card("4242424242424242", 12, 2030, "123").problems(NOW)).isEmpty();
		assertThat(new Card("4242424242424242", 11, 2026, "123").problems(NOW)).as("valid to the end of its month")
			.isEmpty();
		assertThat(new Card("5555555555554444", 1, 2030, "123").brand()).isEqualTo("mastercard");
		assertThat(new Card("2223003122003222", 1, 2030, "123").brand()).isEqualTo("mastercard");
		assertThat(new Card("378282246310005", 1, 2030, "1234").problems(NOW)).isEmpty();
		assertThat(new Card("378282246310005", 1, 2030, "1234").brand()).isEqualTo("amex");
		assertThat(new Card("6011111111111117", 1, 2030, "123").brand()).isEqualTo("discover");
		assertThat(new Card("4242424242424242", 1, 2030, "123").last4()).isEqualTo("4242");
	}

	@Test
	void namesEachFieldThatIsWrong() {
		assertThat(new Card("4242424242424241", 12, 2030, "123").problems(NOW)).containsOnlyKeys("number");
		assertThat(new Card("4242 4242 4242 4242", 12, 2030, "123").problems(NOW)).containsOnlyKeys("number");
		assertThat(new Card("42", 12, 2030, "123").problems(NOW)).containsOnlyKeys("number");
		assertThat(new Card("2x2x-not-a-card", 12, 2030, "123").problems(NOW)).containsOnlyKeys("number");
		assertThat(new Card("", 12, 2030, "123").problems(NOW)).containsOnlyKeys("number");
		assertThat(new Card("4242424242424242", 13, 2030, "123").problems(NOW)).containsOnlyKeys("expMonth");
		assertThat(new Card("4242424242424242", 10, 2026, "123").problems(NOW)).containsEntry("expYear",
				"the card has expired");
		assertThat(new Card("4242424242424242", 10, 26, "123").problems(NOW)).containsOnlyKeys("expYear");
		assertThat(new Card("4242424242424242", 12, 2030, "12").problems(NOW)).containsOnlyKeys("cvc");
		assertThat(new Card("378282246310005", 12, 2030, "123").problems(NOW)).containsOnlyKeys("cvc");
	}

	@Test
	void neverShowsTheNumberOrCvcWhenPrinted() {
		String printed = new Card("4242424242424242", 12, 2030, "987").toString();
		assertThat(printed).isEqualTo("Card[visa ending 4242]").doesNotContain("424242424242", "987");
	}

}
