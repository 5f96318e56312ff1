package com.emporium.platform.security;

import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The bearer token of a request, read with a loop rather than Spring Security's regular
 * expressions, which on every authenticated request scanned the ~650-character token several
 * times: once for the {@code Bearer} syntax (case-insensitively, so character by character through
 * case folding) and once per read of the {@code Authorization} header by the firewall's check that
 * header values hold only assigned, non-control characters. Together about a tenth of an
 * authenticated request's CPU in a service (bench/README.md, identity). The rules are the same:
 * <ul>
 * <li>a header that does not start with {@code Bearer} (any case) carries no bearer token;</li>
 * <li>one that does must be {@code Bearer <b64token>} (RFC 6750: letters, digits and
 * {@code -._~+/}, then any {@code =}), else the request is refused as a malformed token (401);</li>
 * <li>the firewalls accept the same header names and values and parameter names as
 * {@link StrictHttpFirewall}'s defaults: assigned code points, no control characters (parameter
 * values stay unchecked, as by default).</li>
 * </ul>
 * The servlet and reactive security configurations plug these in.
 */
final class BearerTokens {

	private static final String SCHEME = "Bearer";

	/** What Spring Security's firewalls accept by default, without a regular expression. */
	static final Predicate<String> ASSIGNED_AND_NOT_CONTROL = BearerTokens::assignedAndNotControl;

	private BearerTokens() {
	}

	/**
	 * @return the token of an {@code Authorization: Bearer ...} header, or null for no header or
	 * another scheme
	 * @throws OAuth2AuthenticationException for a bearer header that is not {@code Bearer <b64token>}
	 */
	static @Nullable String fromHeader(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return null;
		}
		int start = SCHEME.length() + 1;
		if (authorization.length() <= start || authorization.charAt(SCHEME.length()) != ' ') {
			throw malformed();
		}
		int end = authorization.length();
		while (end > start && authorization.charAt(end - 1) == '=') {
			end--;
		}
		if (end == start) {
			throw malformed();
		}
		for (int i = start; i < end; i++) {
			if (!isTokenCharacter(authorization.charAt(i))) {
				throw malformed();
			}
		}
		return authorization.substring(start);
	}

	/** {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, the firewalls' default, with an ASCII fast path. */
	static boolean assignedAndNotControl(@Nullable String value) {
		if (value == null) {
			// The reactive firewall asks about headers that are not there.
			return true;
		}
		for (int i = 0; i < value.length();) {
			char c = value.charAt(i);
			if (c < 0x80) {
				if (c < 0x20 || c == 0x7F) {
					return false;
				}
				i++;
				continue;
			}
			int codePoint = value.codePointAt(i);
			if (Character.getType(codePoint) == Character.UNASSIGNED || Character.isISOControl(codePoint)) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

	private static boolean isTokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

	/** What Spring Security's own resolver throws: a 401 with {@code error="invalid_token"}. */
	private static OAuth2AuthenticationException malformed() {
		return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
	}

}
