package com.emporium.gateway.routing;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.emporium.platform.web.ProblemResponses;
import com.emporium.platform.web.ProblemTypes;
import com.emporium.platform.web.reactive.ReactiveProblems;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;

/**
 * Runs a proxied call inside the service's circuit breaker. A service that is down, unknown to
 * Eureka or whose breaker is open gives a 503 problem with {@code Retry-After}; one that does not
 * answer within the response timeout gives a 504 problem. Answers the service did give, errors
 * included, pass through untouched.
 */
final class ServiceUnavailableFallback implements GatewayFilter {

	private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFallback.class);

	private final String service;

	private final ReactiveCircuitBreaker breaker;

	ServiceUnavailableFallback(String service, ReactiveCircuitBreaker breaker) {
		this.service = service;
		this.breaker = breaker;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return this.breaker.run(chain.filter(exchange), failure -> fallback(exchange, failure));
	}

	private Mono<Void> fallback(ServerWebExchange exchange, Throwable failure) {
		if (exchange.getResponse().isCommitted()) {
			// The service had started answering: nothing sensible can be added.
			return Mono.error(failure);
		}
		boolean timeout = isTimeout(failure);
		HttpStatus status = timeout ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
		log.warn("{} answered {} for {} {} requestId={}: {}", this.service, status.value(),
				exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
				ReactiveProblems.requestId(exchange), rootCause(failure).toString());
		ProblemDetail problem = ProblemResponses.problem(status,
				timeout ? ProblemTypes.GATEWAY_TIMEOUT : ProblemTypes.SERVICE_UNAVAILABLE,
				timeout ? "The %s did not answer in time. Try again shortly.".formatted(this.service)
						: "The %s is not available right now. Try again shortly.".formatted(this.service));
		problem.setProperty("service", this.service);
		if (!timeout) {
			exchange.getResponse().getHeaders().set("Retry-After", "5");
		}
		return ReactiveProblems.write(exchange, problem);
	}

	private static boolean isTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				return false;
			}
			if (cause instanceof TimeoutException
					|| cause instanceof org.springframework.cloud.gateway.support.TimeoutException) {
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
