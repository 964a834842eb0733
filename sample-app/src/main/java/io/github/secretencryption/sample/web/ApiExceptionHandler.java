package io.github.secretencryption.sample.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.secretencryption.SecretEncryptionException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns bad requests into problem details that name the field at fault. No detail ever
 * repeats a value the client sent, since that value may be a secret, and no response
 * carries a stack trace.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ApiExceptionHandler.class);

	private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"([^\"]{1,100})\"");

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(FieldError::getField))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				"Request has " + errors.size() + ((errors.size() != 1) ? " invalid fields" : " invalid field"));
		problem.setTitle("Invalid request");
		if (!errors.isEmpty()) {
			problem.setProperty("field", errors.get(0).getField());
		}
		problem.setProperty("errors", errors.stream().map(this::describe).toList());
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	private Map<String, @Nullable String> describe(FieldError error) {
		Map<String, @Nullable String> description = new LinkedHashMap<>();
		description.put("field", error.getField());
		description.put("message", error.getDefaultMessage());
		return description;
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String duplicate = duplicateField(ex);
		String field = (duplicate != null) ? duplicate : fieldOf(ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, unreadable(ex, field, duplicate != null));
		problem.setTitle("Unreadable request");
		if (field != null) {
			problem.setProperty("field", field);
		}
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	private static String unreadable(HttpMessageNotReadableException ex, @Nullable String field, boolean duplicate) {
		if (field == null) {
			return "Request body is missing or is not valid JSON";
		}
		if (duplicate) {
			return "Field '" + field + "' is given twice";
		}
		if (ex.getCause() instanceof UnrecognizedPropertyException) {
			return "Field '" + field + "' is not known; check its spelling";
		}
		return "Field '" + field + "' has a value of the wrong type";
	}

	/**
	 * Return the name of a field that the body gives twice, which the parser reports only
	 * in its message, or {@code null}.
	 */
	private static @Nullable String duplicateField(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof StreamReadException read && read.getOriginalMessage() != null) {
			Matcher matcher = DUPLICATE.matcher(read.getOriginalMessage());
			return matcher.matches() ? matcher.group(1) : null;
		}
		return null;
	}

	private @Nullable String fieldOf(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			return jackson.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: String.valueOf(reference.getIndex()))
				.collect(Collectors.joining("."));
		}
		return null;
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = ex.getPropertyName();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, (field != null)
				? "'" + field + "' has a value of the wrong type" : "Request has a value of the wrong type");
		problem.setTitle("Invalid request");
		if (field != null) {
			problem.setProperty("field", field);
		}
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/**
	 * Answers a stored secret that cannot be read or written with 500 Internal Server
	 * Error. The exception names the key, entity and column but never the value, so it is
	 * logged in full for the operator, while the client learns nothing about it.
	 * @param ex the exception
	 * @return the problem detail
	 */
	@ExceptionHandler(SecretEncryptionException.class)
	ProblemDetail handleSecretEncryption(SecretEncryptionException ex) {
		logger.error("Stored secret cannot be used: " + ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"A stored secret cannot be used; the operator has been told why");
		problem.setTitle("Stored secret unavailable");
		return problem;
	}

}
