package com.emporium.platform.security;

import reactor.core.publisher.Mono;

import com.emporium.platform.web.ProblemResponses;
import com.emporium.platform.web.ProblemTypes;
import com.emporium.platform.web.reactive.ReactiveProblems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * The reactive twin of {@link ProblemSecurityHandlers}: 401 and 403 as problem details, with the
 * {@code WWW-Authenticate} header RFC 6750 asks for, and a 400 problem for what the firewall refuses.
 */
final class ReactiveProblemSecurityHandlers
		implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerExchangeRejectedHandler {

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		boolean invalid = ex instanceof InvalidBearerTokenException;
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.WWW_AUTHENTICATE, invalid ? "Bearer error=\"invalid_token\"" : "Bearer");
		String detail = invalid ? ProblemSecurityHandlers.INVALID_TOKEN : ProblemResponses.UNAUTHENTICATED;
		return ReactiveProblems.write(exchange,
				ProblemResponses.problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, detail));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		return ReactiveProblems.write(exchange,
				ProblemResponses.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, ProblemResponses.FORBIDDEN));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
		return ReactiveProblems.write(exchange, ProblemSecurityHandlers.rejected(rejected));
	}

}
