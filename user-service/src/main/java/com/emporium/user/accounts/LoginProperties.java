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
 * @param concurrentHashes password hashes (sign-in, registration, password checks) computed at once;
 * 0 = one per core. Each Argon2id hash holds 19 MiB for its duration, so an unbounded number would let
 * a burst of sign-ins exhaust the heap; the others wait their turn
 * @param hashWait how long a request waits for its turn before it gets 503 with {@code Retry-After}
 */
@ConfigurationProperties("emporium.user.login")
@Validated
record LoginProperties(@DefaultValue("5") @Min(1) int maxFailures, @DefaultValue("15m") @NotNull Duration failureWindow,
		@DefaultValue("15m") @NotNull Duration lockout, @DefaultValue("50") @Min(1) int maxFailuresPerAddress,
		@DefaultValue("10m") @NotNull Duration addressWindow, @DefaultValue("0") @Min(0) int concurrentHashes,
		@DefaultValue("3s") @NotNull Duration hashWait) {
}
