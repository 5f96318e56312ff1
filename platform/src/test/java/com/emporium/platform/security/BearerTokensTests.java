package com.emporium.platform.security;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BearerTokensTests {

	static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJl-_~+/";

	/** The default of Spring Security's firewalls, which {@link BearerTokens} replaces. */
	static final Pattern FIREWALL_DEFAULT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	@Test
	void readsTheTokenOfABearerHeaderInAnyCase() {
		assertThat(BearerTokens.fromHeader("Bearer " + TOKEN)).isEqualTo(TOKEN);
		assertThat(BearerTokens.fromHeader("bearer " + TOKEN)).isEqualTo(TOKEN);
		assertThat(BearerTokens.fromHeader("BEARER " + TOKEN + "==")).isEqualTo(TOKEN + "==");
	}

	@Test
	void anotherSchemeOrNoHeaderIsNoBearerToken() {
		assertThat(BearerTokens.fromHeader(null)).isNull();
		assertThat(BearerTokens.fromHeader("Basic dXNlcjpwYXNz")).isNull();
		assertThat(BearerTokens.fromHeader("")).isNull();
		assertThat(BearerTokens.fromHeader("Bear")).isNull();
	}

	@Test
	void aMalformedBearerHeaderIsRefused() {
		for (String header : List.of("Bearer", "Bearer ", "Bearer  " + TOKEN, "Bearerx" + TOKEN, "Bearer ===",
				"Bearer " + TOKEN + " ", "Bearer abc=def", "Bearer a,b", "Bearer é", "Bearer a\tb")) {
			assertThatExceptionOfType(OAuth2AuthenticationException.class).as(header)
				.isThrownBy(() -> BearerTokens.fromHeader(header))
				.withMessage("Bearer token is malformed")
				.extracting((ex) -> ex.getError().getErrorCode())
				.isEqualTo("invalid_token");
		}
	}

	@Test
	void agreesWithSpringSecuritysResolver() {
		DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
		for (String header : List.of("Bearer " + TOKEN, "bEaReR " + TOKEN + "=", "Basic abc", "Bearer", "Bearer ",
				"Bearer a b", "Bearer ==", "Bearer a==b", "Bearerabc", "Token abc", "Bearer \u00e9t\u00e9")) {
			assertThat(outcome(() -> BearerTokens.fromHeader(header))).as(header)
				.isEqualTo(outcome(() -> spring.resolve(request(header))));
		}
	}

	@Test
	void theFirewallRuleAcceptsExactlyWhatSpringSecuritysDefaultDoes() {
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			String value = "a" + (char) c + "b";
			assertThat(BearerTokens.assignedAndNotControl(value)).as("U+%04X", c)
				.isEqualTo(FIREWALL_DEFAULT.matcher(value).matches());
		}
		assertThat(BearerTokens.assignedAndNotControl(null)).as("a header that is not there").isTrue();
		for (String value : List.of("", "text/html; q=0.9", "😀 ok", "\uD83D", "a\uDE00", "\u0378", "a\u0085b",
				"\u007F")) {
			assertThat(BearerTokens.assignedAndNotControl(value)).as(value)
				.isEqualTo(FIREWALL_DEFAULT.matcher(value).matches());
		}
	}

	private static MockHttpServletRequest request(String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", authorization);
		return request;
	}

	/** The token, null, or the exception's class and message. */
	private static @Nullable String outcome(java.util.function.Supplier<@Nullable String> resolve) {
		try {
			return resolve.get();
		}
		catch (RuntimeException ex) {
			return ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
	}

}
