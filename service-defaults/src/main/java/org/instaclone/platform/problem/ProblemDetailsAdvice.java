package org.instaclone.platform.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.instaclone.platform.paging.InvalidCursorException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns framework exceptions into RFC 9457 problem responses a person can act on, and anything
 * unexpected into a bare 500 without internals. Runs after each service's own advice, which maps
 * that service's domain exceptions.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(e -> e.getField()))
			.map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
			.toList();
		ProblemDetail problem = validationProblem(errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
						"message", String.valueOf(error.getDefaultMessage()))))
			.toList();
		return handleExceptionInternal(ex, validationProblem(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraintViolation(ConstraintViolationException ex) {
		List<Map<String, String>> errors = ex.getConstraintViolations()
			.stream()
			.map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
			.toList();
		return validationProblem(errors);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = "The request body is not valid JSON for this operation.";
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			detail = "Unknown field '" + unknown.getPropertyName() + "': it does not exist or cannot be set by clients.";
		}
		else if (cause instanceof InvalidFormatException invalid) {
			detail = "Field '" + path(invalid) + "' has a value of the wrong type or format.";
		}
		else if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
			detail = "Field '" + path(mismatched) + "' has a value of the wrong type.";
		}
		else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
			detail = "A JSON request body is required.";
		}
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(InvalidCursorException.class)
	ProblemDetail invalidCursor(InvalidCursorException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor", ex.getMessage());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail accessDenied(AccessDeniedException ex) {
		return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You are not allowed to do this.");
	}

	@ExceptionHandler(AuthenticationException.class)
	ProblemDetail unauthenticated(AuthenticationException ex) {
		return Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "Sign in to do this.");
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unhandled exception", ex);
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
				"Something went wrong on our side. It has been logged.");
	}

	private static ProblemDetail validationProblem(List<Map<String, String>> errors) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				errors.isEmpty() ? "The request is not valid."
						: errors.stream().map(e -> e.get("field") + ": " + e.get("message")).reduce((a, b) -> a + "; " + b).orElseThrow());
		problem.setProperty("errors", errors);
		return problem;
	}

	private static String path(MismatchedInputException ex) {
		return ex.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
			.orElse("?");
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
	}
}
