package com.emporium.platform.security;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.emporium.platform.test.EmporiumIntegrationTest;
import com.emporium.platform.test.KafkaTopics;
import com.emporium.platform.test.TestJwts;
import com.emporium.platform.testapp.PlatformTestApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A token revoked by the user service is refused by this service within a second of the event,
 * without this service asking anyone: the events below are what the user service publishes.
 */
@EmporiumIntegrationTest(classes = PlatformTestApplication.class)
class TokenRevocationTests {

	@LocalServerPort
	int port;

	@Autowired
	KafkaMessageListenerContainer<String, byte[]> tokenRevocationListenerContainer;

	RestTestClient http;

	@BeforeEach
	void client() {
		this.http = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !this.tokenRevocationListenerContainer.getAssignedPartitions().isEmpty());
	}

	@Test
	void aSignedOutTokenIsRefusedWithinASecondWhileTheUsersOtherTokensStillWork() throws ParseException {
		String user = UUID.randomUUID().toString();
		String signedOut = TestJwts.token(user, "CUSTOMER");
		String other = TestJwts.token(user, "CUSTOMER");
		status(signedOut, 200);

		KafkaTopics.send(TokenRevocationListener.TOKEN_REVOKED, user, envelope("AccessTokenRevoked", user,
				"\"jti\":\"%s\",\"userId\":\"%s\",\"expiresAt\":\"%s\"".formatted(jti(signedOut), user,
						Instant.now().plus(TestJwts.VALIDITY))));

		await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> status(signedOut) == 401);
		this.http.get()
			.uri("/api/v1/me")
			.header("Authorization", "Bearer " + signedOut)
			.exchange()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/unauthenticated");
		status(other, 200);
	}

	@Test
	void signingOutEverywhereRefusesEveryEarlierTokenButNotTheNextSignIn() {
		String user = UUID.randomUUID().toString();
		String earlier = TestJwts.token(user, "CUSTOMER");
		Instant revokedBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);

		KafkaTopics.send(TokenRevocationListener.SESSIONS_REVOKED, user, envelope("UserSessionsRevoked", user,
				"\"userId\":\"%s\",\"revokedBefore\":\"%s\"".formatted(user, revokedBefore)));

		await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> status(earlier) == 401);
		await().until(() -> Instant.now().isAfter(revokedBefore));
		status(TestJwts.token(user, "CUSTOMER"), 200);
	}

	@Test
	void anUnreadableRevocationIsSkippedAndTheNextOneStillApplies() throws ParseException {
		String user = UUID.randomUUID().toString();
		String token = TestJwts.token(user, "CUSTOMER");
		KafkaTopics.send(TokenRevocationListener.TOKEN_REVOKED, user, "{not json");
		KafkaTopics.send(TokenRevocationListener.TOKEN_REVOKED, user,
				envelope("AccessTokenRevoked", user, "\"jti\":\"%s\"".formatted(jti(token))));
		KafkaTopics.send(TokenRevocationListener.TOKEN_REVOKED, user, envelope("AccessTokenRevoked", user,
				"\"jti\":\"%s\",\"userId\":\"%s\",\"expiresAt\":\"%s\"".formatted(jti(token), user,
						Instant.now().plusSeconds(600))));

		await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).until(() -> status(token) == 401);
	}

	private int status(String token) {
		return this.http.get()
			.uri("/api/v1/me")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.returnResult()
			.getStatus()
			.value();
	}

	private void status(String token, int expected) {
		assertThat(status(token)).isEqualTo(expected);
	}

	private static String jti(String token) throws ParseException {
		return SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
	}

	private static String envelope(String type, String subject, String data) {
		return """
				{"specversion":"1.0","id":"%s","type":"%s","source":"user-service","subject":"%s",\
				"time":"%s","datacontenttype":"application/json","data":{"eventId":"%s","occurredAt":"%s",%s}}"""
			.formatted(UUID.randomUUID(), type, subject, Instant.now(), UUID.randomUUID(), Instant.now(), data);
	}

}
