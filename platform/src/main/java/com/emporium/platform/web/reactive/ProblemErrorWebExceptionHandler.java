package com.emporium.platform.web.reactive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.emporium.platform.web.ProblemResponses;
import com.emporium.platform.web.ProblemTypes;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every error the reactive stack raises becomes a problem detail: framework errors with a status
 * (no route: 404, 405, 413, 415, ...) keep it with a plain detail; anything else is a 500 that
 * names only the request id, and is logged once here.
 */
public class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		ProblemDetail problem;
		if (ex instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
			HttpStatusCode status = error.getStatusCode();
			// complete() gives it the type of its status (not-found, method-not-allowed, ...).
			problem = ProblemDetail.forStatusAndDetail(status, detail(status, error));
			exchange.getResponse().getHeaders().addAll(error.getHeaders());
		}
		else {
			log.error("Request failed {} {} requestId={}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), ReactiveProblems.requestId(exchange), ex);
			problem = ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR,
					ProblemResponses.INTERNAL);
		}
		return ReactiveProblems.write(exchange, problem);
	}

	private static String detail(HttpStatusCode status, ErrorResponse error) {
		if (status.value() == HttpStatus.NOT_FOUND.value()) {
			return "Nothing is served at this path.";
		}
		String detail = error.getBody().getDetail();
		return (detail != null) ? detail : "The request cannot be served as sent.";
	}

	@Override
	public int getOrder() {
		// Before Boot's DefaultErrorWebExceptionHandler (-1).
		return -2;
	}

}
