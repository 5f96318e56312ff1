package com.emporium.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's last word as a problem detail: what Tomcat refuses before a request reaches the
 * application (a URI it cannot decode or normalise, an encoded {@code /}, headers over the size
 * limit) would otherwise be an HTML page. Errors inside the application never get here: the
 * error page ({@link ProblemErrorController}) has written them already.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

	ProblemErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean();
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		HttpStatusCode code = HttpStatusCode.valueOf(status);
		String detail = ProblemResponses.detailFor(code);
		String message = response.getMessage();
		if (!code.is5xxServerError() && message != null && !message.isBlank()) {
			// Tomcat's reason, e.g. "Invalid URI: [The encoded slash character is not allowed]".
			detail = detail.substring(0, detail.length() - 1) + ": " + message + ".";
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(code, detail);
		ProblemResponses.complete(problem, code, request.getRequestURI(), null);
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				ProblemResponses.write(problem, writer);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone, or the response cannot be written any more: nothing to report to.
		}
	}

}
