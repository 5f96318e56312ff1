package com.emporium.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The fleet's one exception handler: every error leaves as an RFC 9457 problem detail
 * ({@code application/problem+json}) with a stable {@code type}, a {@code detail} for people, the
 * {@code instance} path and the {@code requestId}. Validation problems carry an {@code errors}
 * list naming each field ({@code pointer}) or parameter ({@code parameter}). Unexpected
 * exceptions become a 500 whose body says nothing about the internals.
 */
@RestControllerAdvice
@Order(0)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	/** What a client is told when the service's data store cannot be reached. */
	static final String STORE_UNAVAILABLE = "The service cannot reach its data store just now. Nothing was changed; try again shortly.";

	private static final String STORE_RETRY_AFTER_SECONDS = "5";

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return validation(ex, bindingErrors(ex.getBindingResult()), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			String name = parameterName(result);
			if (result instanceof org.springframework.validation.method.ParameterErrors parameterErrors) {
				errors.addAll(bindingErrors(parameterErrors));
				continue;
			}
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				errors.add(FieldError.parameter(name, message(error)));
			}
		}
		return validation(ex, errors, headers, request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map(violation -> FieldError.parameter(lastNode(violation.getPropertyPath().toString()),
					violation.getMessage()))
			.toList();
		return validation(ex, errors, new HttpHeaders(), request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (PayloadTooLargeException.isCause(ex)) {
			return problem(ex, HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
					PayloadTooLargeException.DETAIL, headers, request);
		}
		JacksonException jackson = findCause(ex, JacksonException.class);
		if (jackson instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String pointer = pointer(mismatch.getPath());
			String detail = switch (mismatch) {
				case UnrecognizedPropertyException unknown -> "is not a known field";
				case InvalidFormatException invalid -> "has the wrong type or format: expected "
						+ simpleType(invalid.getTargetType());
				default -> mismatch.getTargetType() != null
						? "has the wrong type: expected " + simpleType(mismatch.getTargetType())
						: "could not be read";
			};
			return validation(ex, List.of(FieldError.body(pointer, detail)), headers, request);
		}
		String detail = "The request body is not valid JSON";
		if (jackson != null && jackson.getLocation() != null && jackson.getLocation() != TokenStreamLocation.NA) {
			TokenStreamLocation at = jackson.getLocation();
			detail += " (it breaks at line %d, column %d)".formatted(at.getLineNr(), at.getColumnNr());
		}
		else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
			detail = "The request body is missing";
		}
		return problem(ex, HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, detail + ".", headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
				: String.valueOf(ex.getPropertyName());
		String expected = ex.getRequiredType() != null ? simpleType(ex.getRequiredType()) : "another type";
		return validation(ex, List.of(FieldError.parameter(name,
				"'%s' is not a valid %s".formatted(truncate(String.valueOf(ex.getValue())), expected))), headers,
				request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		return validation(ex, List.of(FieldError.parameter(ex.getParameterName(), "is required")), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex instanceof MissingRequestHeaderException missing) {
			return validation(ex, List.of(FieldError.parameter(missing.getHeaderName(), "header is required")), headers,
					request);
		}
		return problem(ex, HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, "The request is incomplete.", headers,
				request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(ex, HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND,
				"There is nothing at %s %s.".formatted(ex.getHttpMethod(), "/" + ex.getResourcePath()), headers,
				request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpRequestMethodNotSupported(
			HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		return problem(ex, HttpStatus.METHOD_NOT_ALLOWED, ProblemTypes.METHOD_NOT_ALLOWED,
				"%s is not supported here; use %s.".formatted(ex.getMethod(), ex.getSupportedHttpMethods()), headers,
				request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(ex, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
				"Content type %s is not supported; send %s.".formatted(ex.getContentType(),
						ex.getSupportedMediaTypes()),
				headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(ex, HttpStatus.NOT_ACCEPTABLE, ProblemTypes.NOT_ACCEPTABLE,
				"This resource can be served as %s.".formatted(ex.getSupportedMediaTypes()), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(ex, HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, PayloadTooLargeException.DETAIL,
				headers, request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return problem(ex, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, ProblemResponses.UNAUTHENTICATED,
					new HttpHeaders(), request);
		}
		return problem(ex, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, ProblemResponses.FORBIDDEN, new HttpHeaders(),
				request);
	}

	/**
	 * A data store that cannot be reached or gave up for now (down, a timeout, no free connection):
	 * 503 with {@code Retry-After}, as a service that is down behind the gateway gives, not a 500.
	 * Nothing was changed: the transaction, if any, rolled back.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			CannotCreateTransactionException.class })
	ResponseEntity<Object> handleStoreUnavailable(Exception ex, WebRequest request) {
		log.warn("Data store unavailable on {}: {}", description(request), ex.getMessage());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, STORE_RETRY_AFTER_SECONDS);
		return problem(ex, HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, STORE_UNAVAILABLE, headers,
				request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		// Logged once, here, with the request id from the MDC; the client learns nothing internal.
		log.error("Unexpected error on {}", description(request), ex);
		return problem(ex, HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR, ProblemResponses.INTERNAL,
				new HttpHeaders(), request);
	}

	/** Bodies Spring builds itself pass here: they get our type, title, instance and request id. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = body instanceof ProblemDetail detail ? detail
				: ex instanceof org.springframework.web.ErrorResponse response ? response.getBody()
						: ProblemDetail.forStatus(statusCode);
		if (statusCode.is5xxServerError() && !(ex instanceof ProblemException)) {
			problem.setDetail(ProblemResponses.INTERNAL);
		}
		return respond(ex, problem, headers, statusCode, request);
	}

	private ResponseEntity<Object> respond(Exception ex, ProblemDetail problem, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemResponses.complete(problem, status, servletRequest(request));
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, problem, headers, status, request);
		return response != null ? response : ResponseEntity.status(status).headers(headers).body(problem);
	}

	private ResponseEntity<Object> validation(Exception ex, List<FieldError> errors, HttpHeaders headers,
			WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, summary(errors));
		problem.setType(ProblemTypes.VALIDATION);
		problem.setProperty("errors", errors);
		return respond(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private ResponseEntity<Object> problem(Exception ex, HttpStatus status, java.net.URI type, String detail,
			HttpHeaders headers, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		return respond(ex, problem, headers, status, request);
	}

	private static String summary(List<FieldError> errors) {
		if (errors.isEmpty()) {
			return "The request is not valid.";
		}
		FieldError first = errors.getFirst();
		String where = first.pointer() != null ? first.pointer().substring(2) : first.parameter();
		String more = errors.size() > 1 ? " (and %d more)".formatted(errors.size() - 1) : "";
		return "'%s' %s%s.".formatted(where, first.detail(), more);
	}

	private static List<FieldError> bindingErrors(org.springframework.validation.Errors result) {
		List<FieldError> errors = new ArrayList<>();
		Class<?> target = result instanceof BindingResult binding && binding.getTarget() != null
				? binding.getTarget().getClass() : null;
		result.getFieldErrors()
			.forEach(error -> errors.add(FieldError.body(JsonPointers.of(target, error.getField()), message(error))));
		result.getGlobalErrors().forEach(error -> errors.add(FieldError.body("#/", message(error))));
		return errors;
	}

	private static String message(MessageSourceResolvable error) {
		return error.getDefaultMessage() != null ? error.getDefaultMessage() : "is not valid";
	}

	private static String parameterName(ParameterValidationResult result) {
		String name = result.getMethodParameter().getParameterName();
		var requestParam = result.getMethodParameter()
			.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
		if (requestParam != null && !requestParam.name().isEmpty()) {
			name = requestParam.name();
		}
		var pathVariable = result.getMethodParameter()
			.getParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
		if (pathVariable != null && !pathVariable.name().isEmpty()) {
			name = pathVariable.name();
		}
		return name != null ? name : "argument";
	}

	private static String pointer(List<JacksonException.Reference> path) {
		StringBuilder pointer = new StringBuilder("#");
		for (JacksonException.Reference reference : path) {
			pointer.append('/');
			pointer.append(reference.getPropertyName() != null ? reference.getPropertyName()
					: String.valueOf(reference.getIndex()));
		}
		return pointer.toString();
	}

	private static String simpleType(Class<?> type) {
		if (type.isEnum()) {
			return "one of " + java.util.Arrays.toString(type.getEnumConstants());
		}
		String name = type.getSimpleName();
		return switch (name) {
			case "Integer", "int", "Long", "long", "Short", "short" -> "integer";
			case "BigDecimal", "Double", "double", "Float", "float" -> "number";
			case "Boolean", "boolean" -> "boolean";
			case "UUID" -> "UUID";
			case "String" -> "string";
			case "Instant", "OffsetDateTime", "ZonedDateTime" -> "ISO-8601 timestamp";
			case "LocalDate" -> "ISO-8601 date (yyyy-MM-dd)";
			default -> name.toLowerCase(Locale.ROOT);
		};
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot >= 0 ? path.substring(dot + 1) : path;
	}

	private static String truncate(String value) {
		return value.length() > 64 ? value.substring(0, 64) + "…" : value;
	}

	private static <T extends Throwable> @Nullable T findCause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static @Nullable HttpServletRequest servletRequest(WebRequest request) {
		return request instanceof NativeWebRequest nativeRequest
				? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
	}

	private static String description(WebRequest request) {
		HttpServletRequest servlet = servletRequest(request);
		return servlet != null ? servlet.getMethod() + " " + servlet.getRequestURI() : request.getDescription(false);
	}

}
