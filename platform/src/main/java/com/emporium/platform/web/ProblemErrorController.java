package com.emporium.platform.web;

import jakarta.servlet.RequestDispatcher;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's whitelabel/JSON error page: errors raised outside Spring MVC (in filters, by the
 * container) are problem details too, and never carry a message or stack trace. Not part of any
 * service's API, so not in its OpenAPI document.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

	@RequestMapping(path = "${server.error.path:/error}", produces = { MediaType.APPLICATION_PROBLEM_JSON_VALUE,
			MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatusCode status = HttpStatusCode
			.valueOf(code instanceof Integer value && value >= 400 ? value : HttpStatus.INTERNAL_SERVER_ERROR.value());
		Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		String detail;
		if (PayloadTooLargeException.isCause(exception)) {
			status = HttpStatus.PAYLOAD_TOO_LARGE;
			detail = PayloadTooLargeException.DETAIL;
		}
		else {
			detail = ProblemResponses.detailFor(status);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path) {
			problem.setInstance(java.net.URI.create(path));
		}
		ProblemResponses.complete(problem, status, request);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
