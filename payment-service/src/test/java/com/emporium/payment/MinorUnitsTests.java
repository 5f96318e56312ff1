package com.emporium.payment;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MinorUnitsTests {

	@Test
	void convertsAmountsToAndFromEachCurrencysMinorUnits() {
		assertThat(MinorUnits.of(new BigDecimal("27.7"), "EUR")).isEqualTo(2770);
		assertThat(MinorUnits.of(new BigDecimal("500"), "JPY")).isEqualTo(500);
		assertThat(MinorUnits.of(new BigDecimal("1.250"), "BHD")).isEqualTo(1250);
		assertThat(MinorUnits.toAmount(2770, "EUR")).isEqualTo(new BigDecimal("27.70"));
		assertThat(MinorUnits.toAmount(500, "JPY")).isEqualTo(new BigDecimal("500"));
	}

	@Test
	void refusesAmountsFinerThanTheCurrency() {
		assertThat(MinorUnits.fits(new BigDecimal("10.50"), "JPY")).isFalse();
		assertThat(MinorUnits.fits(new BigDecimal("10.00"), "JPY")).isTrue();
		assertThat(MinorUnits.fits(new BigDecimal("10.005"), "EUR")).isFalse();
		assertThatExceptionOfType(ArithmeticException.class)
			.isThrownBy(() -> MinorUnits.of(new BigDecimal("10.5"), "JPY"));
	}

}
