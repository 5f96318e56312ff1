package com.emporium.platform.web.reactive;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.emporium.platform.web.PayloadTooLargeException;
import com.emporium.platform.web.ProblemResponses;
import com.emporium.platform.web.ProblemTypes;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses request bodies over {@code emporium.web.max-request-size} (default 1 MiB) with a 413
 * problem: at once when the declared length is too large, and while streaming when a chunked
 * body runs past the limit (then the error reaches the {@link ProblemErrorWebExceptionHandler}).
 */
public class ReactiveRequestSizeLimitFilter implements WebFilter, Ordered {

	private final long limit;

	public ReactiveRequestSizeLimitFilter(DataSize limit) {
		this.limit = limit.toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > this.limit) {
			return ReactiveProblems.write(exchange, ProblemResponses.problem(HttpStatus.PAYLOAD_TOO_LARGE,
					ProblemTypes.PAYLOAD_TOO_LARGE, PayloadTooLargeException.DETAIL));
		}
		if (declared >= 0) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request(new Limited(exchange.getRequest(), this.limit)).build());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	private static final class Limited extends ServerHttpRequestDecorator {

		private final long limit;

		Limited(ServerHttpRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong read = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (read.addAndGet(buffer.readableByteCount()) > this.limit) {
					org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
					sink.error(new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
							PayloadTooLargeException.DETAIL));
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
