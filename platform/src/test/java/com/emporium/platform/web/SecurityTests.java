package com.emporium.platform.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.emporium.platform.test.EmporiumIntegrationTest;
import com.emporium.platform.testapp.PlatformTestApplication;
import com.emporium.platform.test.TestJwts;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@EmporiumIntegrationTest(classes = PlatformTestApplication.class)
class SecurityTests {

	@LocalServerPort
	int port;

	RestTestClient http;

	@BeforeEach
	void client() {
		this.http = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
	}

	private RestTestClient.ResponseSpec get(String path, String token) {
		return this.http.get().uri(path).header("Authorization", "Bearer " + token).exchange();
	}

	@Test
	void anonymousCallerGets401ProblemWithBearerChallenge() {
		this.http.get()
			.uri("/api/v1/me")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueMatches("WWW-Authenticate", "Bearer.*")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/unauthenticated");
	}

	@Test
	void validTokenSignedByTheUserServiceKeyIsAccepted() {
		get("/api/v1/me", TestJwts.token("user-1", "CUSTOMER")).expectStatus().isOk();
	}

	@Test
	void tokensThatAreExpiredForgedOrUnsignedAreRefused() {
		for (String token : new String[] { TestJwts.expiredToken("user-1", "ADMIN"),
				TestJwts.tokenSignedByAnotherKey("user-1", "ADMIN"), unsigned("user-1"), "not.a.jwt" }) {
			get("/api/v1/me", token).expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://docs.emporium.example/problems/unauthenticated");
		}
	}

	@Test
	void aMalformedBearerHeaderIsRefusedAndAnotherSchemeIsAnonymous() {
		for (String header : new String[] { "Bearer", "Bearer a b", "Bearer abc=def", "Bearer " + "x".repeat(10) + "," }) {
			this.http.get()
				.uri("/api/v1/me")
				.header("Authorization", header)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueMatches("WWW-Authenticate", "Bearer error=\"invalid_token\".*malformed.*");
		}
		// Anonymous, not a bad token: this path needs a token, so the plain challenge.
		this.http.get()
			.uri("/api/v1/me")
			.header("Authorization", "Basic dXNlcjpwYXNz")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueMatches("WWW-Authenticate", "Bearer(?!.*error).*");
		this.http.get()
			.uri("/api/v1/me")
			.header("Authorization", "bearer " + TestJwts.token("user-1", "CUSTOMER"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void wrongRoleGets403Problem() {
		get("/api/v1/admin/report", TestJwts.token("user-1", "CUSTOMER")).expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://docs.emporium.example/problems/forbidden");
		get("/api/v1/admin/report", TestJwts.token("admin-1", "ADMIN")).expectStatus().isOk();
	}

	@Test
	void healthAndApiDocsArePublic() {
		this.http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		this.http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
	}

	/** An {@code alg: none} token: header and claims, no signature. */
	private static String unsigned(String subject) {
		java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
		String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
		long exp = java.time.Instant.now().plusSeconds(600).getEpochSecond();
		String claims = base64
			.encodeToString(("{\"sub\":\"" + subject + "\",\"roles\":[\"ADMIN\"],\"exp\":" + exp + "}").getBytes());
		return header + "." + claims + ".";
	}

}
