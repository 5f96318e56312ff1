package com.emporium.user.accounts;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PasswordsTests {

	private static LoginProperties turns(int concurrentHashes, Duration wait) {
		return new LoginProperties(5, Duration.ofMinutes(15), Duration.ofMinutes(15), 50, Duration.ofMinutes(10),
				concurrentHashes, wait);
	}

	@Test
	void aHashMatchesItsPasswordOnlyAndCarriesItsParameters() {
		Passwords passwords = new Passwords(turns(0, Duration.ofSeconds(3)));
		String hash = passwords.hash("correct horse battery staple");
		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(passwords.matches("correct horse battery staple", hash)).isTrue();
		assertThat(passwords.matches("correct horse battery stapler", hash)).isFalse();
		assertThat(passwords.matches("anything", "deleted")).isFalse();
	}

	@Test
	void whenEveryTurnStaysTakenAHashGivesUpWith503AndRetryAfterThenRunsOnceATurnIsFree() throws Exception {
		Passwords passwords = new Passwords(turns(1, Duration.ofMillis(200)));
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Boolean> slow = CompletableFuture.supplyAsync(() -> passwords.inTurn(() -> {
			holding.countDown();
			try {
				return release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}));
		assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

		long started = System.nanoTime();
		assertThatExceptionOfType(PasswordHashingBusyException.class).isThrownBy(() -> passwords.hash("p4ssw0rd-long"))
			.satisfies(ex -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
			});
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(190));

		release.countDown();
		assertThat(slow.get(5, TimeUnit.SECONDS)).isTrue();
		assertThat(passwords.matches("p4ssw0rd-long", passwords.hash("p4ssw0rd-long"))).isTrue();
	}

}
