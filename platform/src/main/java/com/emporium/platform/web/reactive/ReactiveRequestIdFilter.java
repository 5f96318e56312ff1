package com.emporium.platform.web.reactive;

import reactor.core.publisher.Mono;

import com.emporium.platform.web.RequestIds;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id} (the caller's, if well-formed): on the request that
 * is forwarded downstream, as an exchange attribute, and on the response. The response header is
 * set as the response commits, so it replaces the copy a downstream service echoes: the client
 * gets it once.
 */
public class ReactiveRequestIdFilter implements WebFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String id = RequestIds.accept(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
		exchange.getAttributes().put(RequestIds.ATTRIBUTE, id);
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
			return Mono.empty();
		});
		ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> headers.set(RequestIds.HEADER, id)).build();
		return chain.filter(exchange.mutate().request(request).build());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
