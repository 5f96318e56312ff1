package com.emporium.platform.web.reactive;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import com.emporium.platform.web.ProblemResponses;
import com.emporium.platform.web.RequestIds;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/** Writes problem details on the reactive stack, completed like every other problem of the fleet. */
public final class ReactiveProblems {

	private ReactiveProblems() {
	}

	/** The exchange's request id, as set by {@link ReactiveRequestIdFilter}. */
	public static @Nullable String requestId(ServerWebExchange exchange) {
		return exchange.getAttribute(RequestIds.ATTRIBUTE);
	}

	/** Completes the problem and writes it as {@code application/problem+json}. */
	public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
		ProblemResponses.complete(problem, status, exchange.getRequest().getPath().value(), requestId(exchange));
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer body = response.bufferFactory().wrap(ProblemResponses.toJsonBytes(problem));
		return response.writeWith(Mono.just(body));
	}

}
