package com.emporium.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Builds and writes problem details where no controller advice reaches: servlet filters, the
 * security entry points, the error page and the gateway's fallbacks. Every problem the fleet sends
 * passes {@link #complete} so that they all carry the same members.
 */
public final class ProblemResponses {

	public static final String UNAUTHENTICATED = "Sign in to do this: send a valid bearer token.";

	public static final String FORBIDDEN = "You are signed in but not allowed to do this.";

	public static final String INTERNAL = "Something went wrong on our side. It has been logged; quote the requestId if you contact us.";

	/** With Spring's mixin, extension members sit at the top level, as in every other problem. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	private static final Map<Integer, URI> TYPES_BY_STATUS = Map.ofEntries(
			Map.entry(400, ProblemTypes.MALFORMED_REQUEST), Map.entry(401, ProblemTypes.UNAUTHENTICATED),
			Map.entry(403, ProblemTypes.FORBIDDEN), Map.entry(404, ProblemTypes.NOT_FOUND),
			Map.entry(405, ProblemTypes.METHOD_NOT_ALLOWED), Map.entry(406, ProblemTypes.NOT_ACCEPTABLE),
			Map.entry(409, ProblemTypes.CONFLICT), Map.entry(413, ProblemTypes.PAYLOAD_TOO_LARGE),
			Map.entry(415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE), Map.entry(500, ProblemTypes.INTERNAL_ERROR),
			Map.entry(503, ProblemTypes.SERVICE_UNAVAILABLE), Map.entry(504, ProblemTypes.GATEWAY_TIMEOUT));

	private ProblemResponses() {
	}

	public static ProblemDetail problem(HttpStatusCode status, URI type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		return problem;
	}

	/**
	 * The detail of an error that says nothing more than its status (the container's error page and
	 * error report): the reason phrase, or {@link #INTERNAL} for a 5xx.
	 */
	public static String detailFor(HttpStatusCode status) {
		if (status.is5xxServerError()) {
			return INTERNAL;
		}
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() + "." : "The request failed.";
	}

	/** Fills in what every problem carries: type, title, instance and the request id. */
	public static ProblemDetail complete(ProblemDetail problem, HttpStatusCode status,
			@Nullable HttpServletRequest request) {
		return complete(problem, status, (request != null) ? request.getRequestURI() : null,
				(request != null) ? RequestIds.current(request) : MDC.get(RequestIds.MDC_KEY));
	}

	/**
	 * Fills in what every problem carries, off the servlet stack (the reactive gateway).
	 * @param path the request path, for {@code instance}
	 * @param requestId the request's {@code X-Request-Id}
	 */
	public static ProblemDetail complete(ProblemDetail problem, HttpStatusCode status, @Nullable String path,
			@Nullable String requestId) {
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			problem.setType(TYPES_BY_STATUS.getOrDefault(status.value(), ProblemTypes.of("http-" + status.value())));
		}
		if (problem.getTitle() == null) {
			HttpStatus known = HttpStatus.resolve(status.value());
			problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
		}
		if (path != null && problem.getInstance() == null) {
			try {
				problem.setInstance(URI.create(path));
			}
			catch (IllegalArgumentException notAUri) {
				// A path the server refused as malformed: the problem goes without its instance.
			}
		}
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		return problem;
	}

	/** Writes a completed problem as {@code application/problem+json}, unless the response is committed. */
	public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
		complete(problem, status, request);
		response.resetBuffer();
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), problem);
	}

	public static String toJson(ProblemDetail problem) {
		return JSON.writeValueAsString(problem);
	}

	/** Writes a completed problem as JSON to a writer (the container's own error report). */
	public static void write(ProblemDetail problem, Writer writer) {
		JSON.writeValue(writer, problem);
	}

	public static byte[] toJsonBytes(ProblemDetail problem) {
		return JSON.writeValueAsBytes(problem);
	}

}
