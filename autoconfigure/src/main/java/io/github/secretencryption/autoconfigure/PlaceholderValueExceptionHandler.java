package io.github.secretencryption.autoconfigure;

import io.github.secretencryption.PlaceholderValueException;
import io.github.secretencryption.SecretLocation;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a request that sends the masking placeholder where a real secret is needed with
 * 400 Bad Request and a problem detail that names the field.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlaceholderValueExceptionHandler {

	@ExceptionHandler(PlaceholderValueException.class)
	ProblemDetail handlePlaceholderValue(PlaceholderValueException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getProblem());
		problem.setTitle("Masked value where a secret is needed");
		SecretLocation location = ex.getLocation();
		if (location != null && location.attribute() != null) {
			problem.setProperty("field", location.attribute());
		}
		return problem;
	}

}
