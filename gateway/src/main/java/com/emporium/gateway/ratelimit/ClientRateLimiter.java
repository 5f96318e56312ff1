package com.emporium.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

import com.emporium.platform.web.ProblemResponses;
import com.emporium.platform.web.ProblemTypes;
import com.emporium.platform.web.reactive.ReactiveProblems;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A token bucket per client address for every request under {@code /api/}: {@code burst} requests
 * at once, refilled at {@code requestsPerSecond}. A client over its budget gets a 429 problem
 * ({@code too-many-requests}) with {@code Retry-After}, before the request costs a token check or
 * reaches a service. The address is the one the platform's forwarded-header handling resolves, so
 * behind an ingress it is the client's, not the ingress's. At most {@code maxClients} buckets are
 * kept: past that, the buckets of clients that are back at a full budget are dropped.
 */
public final class ClientRateLimiter implements WebFilter, Ordered {

	static final String API_PREFIX = "/api/";

	private final RateLimitProperties properties;

	private final LongSupplier nanoTime;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	ClientRateLimiter(RateLimitProperties properties, LongSupplier nanoTime) {
		this.properties = properties;
		this.nanoTime = nanoTime;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().value().startsWith(API_PREFIX)) {
			return chain.filter(exchange);
		}
		long waitNanos = take(client(exchange));
		if (waitNanos == 0) {
			return chain.filter(exchange);
		}
		long retryAfter = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS,
				ProblemTypes.of("too-many-requests"),
				"Too many requests from this client. Try again in %d s.".formatted(retryAfter));
		problem.setProperty("retryAfterSeconds", retryAfter);
		exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfter));
		return ReactiveProblems.write(exchange, problem);
	}

	/** @return 0 when the client may go on, else how long until it may (nanoseconds) */
	long take(String client) {
		long now = this.nanoTime.getAsLong();
		if (this.buckets.size() >= this.properties.maxClients()) {
			this.buckets.values().removeIf(bucket -> bucket.isFullAt(now, this.properties));
		}
		long[] wait = new long[1];
		this.buckets.compute(client, (key, bucket) -> {
			Bucket current = (bucket != null) ? bucket.refilledAt(now, this.properties)
					: new Bucket(this.properties.burst(), now);
			if (current.tokens() >= 1) {
				return new Bucket(current.tokens() - 1, now);
			}
			wait[0] = (long) Math.ceil((1 - current.tokens()) / this.properties.requestsPerSecond() * 1e9);
			return current;
		});
		return wait[0];
	}

	private static String client(ServerWebExchange exchange) {
		InetSocketAddress address = exchange.getRequest().getRemoteAddress();
		return (address != null && address.getAddress() != null) ? address.getAddress().getHostAddress()
				: "unknown";
	}

	@Override
	public int getOrder() {
		// After the request id (so the 429 carries one), before security.
		return Ordered.HIGHEST_PRECEDENCE + 2;
	}

	private record Bucket(double tokens, long updatedAt) {

		Bucket refilledAt(long now, RateLimitProperties limits) {
			double refilled = this.tokens + (now - this.updatedAt) / 1e9 * limits.requestsPerSecond();
			return new Bucket(Math.min(limits.burst(), refilled), now);
		}

		boolean isFullAt(long now, RateLimitProperties limits) {
			return refilledAt(now, limits).tokens() >= limits.burst();
		}

	}

}
