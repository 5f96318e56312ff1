package com.emporium.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.emporium.platform.web.ProblemResponses;
import com.emporium.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 401 and 403 as problem details, keeping the {@code WWW-Authenticate} header that RFC 6750
 * asks for. The detail never says why a token was refused beyond "invalid or expired". A request
 * the firewall refuses (an encoded {@code /}, {@code %} or {@code ;} in its path, a control
 * character in a header) is a 400 problem saying what was refused.
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

	static final String INVALID_TOKEN = "The bearer token is invalid or has expired: sign in again.";

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		this.bearerEntryPoint.commence(request, response, authException);
		String detail = authException instanceof InvalidBearerTokenException
				? INVALID_TOKEN
				: ProblemResponses.UNAUTHENTICATED;
		ProblemResponses.write(request, response,
				ProblemResponses.problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, detail));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.bearerDenied.handle(request, response, accessDeniedException);
		ProblemResponses.write(request, response,
				ProblemResponses.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, ProblemResponses.FORBIDDEN));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
			throws IOException {
		ProblemResponses.write(request, response, rejected(rejected));
	}

	/** The problem of a request the firewall refused, with the firewall's reason. */
	static ProblemDetail rejected(RuntimeException rejected) {
		String reason = (rejected.getMessage() != null) ? rejected.getMessage() : "The request was rejected";
		return ProblemResponses.problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
				reason.endsWith(".") ? reason : reason + ".");
	}

}
