package io.github.secretencryption.sample.web;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a request names something that does not exist; answered with 404 Not Found.
 */
public class NotFoundException extends ErrorResponseException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param detail what was not found, without any secret
	 */
	public NotFoundException(String detail) {
		super(HttpStatus.NOT_FOUND, problem(detail, null), null);
	}

	/**
	 * Create a new exception for a request field, such as a path variable, that names
	 * nothing that exists.
	 * @param detail what was not found, without any secret
	 * @param field the name of the field
	 */
	public NotFoundException(String detail, String field) {
		super(HttpStatus.NOT_FOUND, problem(detail, field), null);
	}

	private static ProblemDetail problem(String detail, @Nullable String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
		problem.setTitle("Not found");
		if (field != null) {
			problem.setProperty("field", field);
		}
		return problem;
	}

}
