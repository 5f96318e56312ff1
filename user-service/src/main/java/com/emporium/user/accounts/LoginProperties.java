package com.emporium.user.accounts;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code emporium.user.login.*}: how hard guessing passwords is made.
 *
 * @param maxFailures failed sign-ins with one login (within {@code failureWindow}) that lock it
 * @param failureWindow how long a failure counts
 * @param lockout how long a locked login is refused, even with the right password
 * @param maxFailuresPerAddress failed sign-ins from one client address (per instance) within
 * {@code addressWindow} before that address is refused, whatever login it tries
 * @param addressWindow the window of {@code maxFailuresPerAddress}
 */
@ConfigurationProperties("emporium.user.login")
@Validated
record LoginProperties(@DefaultValue("5") @Min(1) int maxFailures, @DefaultValue("15m") @NotNull Duration failureWindow,
		@DefaultValue("15m") @NotNull Duration lockout, @DefaultValue("50") @Min(1) int maxFailuresPerAddress,
		@DefaultValue("10m") @NotNull Duration addressWindow) {
}
