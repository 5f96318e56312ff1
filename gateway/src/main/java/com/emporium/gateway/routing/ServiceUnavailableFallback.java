package com.emporium.gateway.routing;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.emporium.platform.web.ProblemResponses;
import com.emporium.platform.web.ProblemTypes;

import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Runs a proxied call inside the service's circuit breaker. A service that is down, unknown to
 * Eureka or whose breaker is open gives a 503 problem with {@code Retry-After}; one that does not
 * answer within the HTTP read timeout gives a 504 problem. Answers the service did give, errors
 * included, pass through untouched.
 */
final class ServiceUnavailableFallback implements HandlerFilterFunction<ServerResponse, ServerResponse> {

	private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFallback.class);

	private final String service;

	private final CircuitBreaker breaker;

	ServiceUnavailableFallback(String service, CircuitBreaker breaker) {
		this.service = service;
		this.breaker = breaker;
	}

	@Override
	public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
		return this.breaker.run(() -> {
			try {
				return next.handle(request);
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, failure -> fallback(request, failure));
	}

	private ServerResponse fallback(ServerRequest request, Throwable failure) {
		boolean timeout = isTimeout(failure);
		HttpStatus status = timeout ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
		log.warn("{} answered {} for {} {}: {}", this.service, status.value(), request.method(), request.path(),
				rootCause(failure).toString());
		ProblemDetail problem = ProblemResponses.problem(status,
				timeout ? ProblemTypes.GATEWAY_TIMEOUT : ProblemTypes.SERVICE_UNAVAILABLE,
				timeout ? "The %s did not answer in time. Try again shortly.".formatted(this.service)
						: "The %s is not available right now. Try again shortly.".formatted(this.service));
		problem.setProperty("service", this.service);
		ProblemResponses.complete(problem, status, request.servletRequest());
		ServerResponse.BodyBuilder response = ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (!timeout) {
			response.header("Retry-After", "5");
		}
		return response.body(ProblemResponses.toJson(problem));
	}

	private static boolean isTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
				return false;
			}
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException
					|| cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

}
