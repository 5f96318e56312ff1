package com.emporium.platform.web.reactive;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.jspecify.annotations.Nullable;

import com.emporium.platform.web.EmporiumWebAutoConfiguration.WebProperties;
import com.emporium.platform.web.FieldError;
import com.emporium.platform.web.PayloadTooLargeException;
import com.emporium.platform.web.ProblemResponses;
import com.emporium.platform.web.ProblemTypes;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses requests over the size limits of {@code emporium.web.*}, each with a problem detail: a
 * request target (path and query) over {@code max-uri-length} (default 4 KiB) with a 414, request
 * headers over {@code max-header-size} (default 8 KiB, names and values) with a 431 naming the
 * largest header, and a body over {@code max-request-size} (default 1 MiB) with a 413: at once
 * when the declared length is too large, and while streaming when a chunked body runs past the
 * limit (then the error reaches the {@link ProblemErrorWebExceptionHandler}).
 * <p>
 * The HTTP server's own limits ({@code server.netty.max-initial-line-length} and
 * {@code server.max-http-request-header-size}) must be above the first two: Reactor Netty refuses
 * what is over its own limits while decoding, before any filter runs, with an empty body.
 */
public class ReactiveRequestSizeLimitFilter implements WebFilter, Ordered {

	/** What a header line adds to its name and value: {@code ": "} and the line break. */
	private static final int HEADER_LINE_OVERHEAD = 4;

	private final long maxUriLength;

	private final long maxHeaderSize;

	private final long limit;

	public ReactiveRequestSizeLimitFilter(WebProperties properties) {
		this.maxUriLength = properties.maxUriLength().toBytes();
		this.maxHeaderSize = properties.maxHeaderSize().toBytes();
		this.limit = properties.maxRequestSize().toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		ProblemDetail refusal = uriRefusal(request.getURI());
		if (refusal == null) {
			refusal = headerRefusal(request.getHeaders());
		}
		if (refusal != null) {
			return ReactiveProblems.write(exchange, refusal);
		}
		long declared = request.getHeaders().getContentLength();
		if (declared > this.limit) {
			return ReactiveProblems.write(exchange, ProblemResponses.problem(HttpStatus.PAYLOAD_TOO_LARGE,
					ProblemTypes.PAYLOAD_TOO_LARGE, PayloadTooLargeException.DETAIL));
		}
		if (declared >= 0) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request(new Limited(request, this.limit)).build());
	}

	private @Nullable ProblemDetail uriRefusal(URI uri) {
		String path = uri.getRawPath();
		String query = uri.getRawQuery();
		long length = ((path != null) ? path.length() : 0) + ((query != null) ? query.length() + 1 : 0);
		if (length <= this.maxUriLength) {
			return null;
		}
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.URI_TOO_LONG, ProblemTypes.URI_TOO_LONG,
				"The URL's path and query are %d characters long; at most %d are accepted.".formatted(length,
						this.maxUriLength));
		// Name the query parameter that made it long, when one did.
		String longest = "";
		for (String parameter : (query != null) ? query.split("&") : new String[0]) {
			longest = (parameter.length() > longest.length()) ? parameter : longest;
		}
		if (longest.length() > length / 2) {
			int equals = longest.indexOf('=');
			String name = (equals >= 0) ? longest.substring(0, equals) : longest;
			problem.setProperty("errors", List.of(FieldError.parameter((name.length() > 100) ? name.substring(0, 100) : name,
					"%d characters: the URL must fit in %d".formatted(longest.length(), this.maxUriLength))));
		}
		return problem;
	}

	private @Nullable ProblemDetail headerRefusal(HttpHeaders headers) {
		long total = 0;
		String largest = "";
		long largestSize = -1;
		for (Map.Entry<String, List<String>> header : headers.headerSet()) {
			long size = 0;
			for (String value : header.getValue()) {
				size += header.getKey().length() + value.length() + HEADER_LINE_OVERHEAD;
			}
			total += size;
			if (size > largestSize) {
				largest = header.getKey();
				largestSize = size;
			}
		}
		if (total <= this.maxHeaderSize) {
			return null;
		}
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
				ProblemTypes.HEADERS_TOO_LARGE,
				"The request headers are %d bytes; at most %d are accepted. The largest is '%s' (%d bytes)."
					.formatted(total, this.maxHeaderSize, largest, largestSize));
		problem.setProperty("errors", List.of(FieldError.parameter(largest,
				"header of %d bytes: the request's headers must fit in %d".formatted(largestSize, this.maxHeaderSize))));
		return problem;
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
