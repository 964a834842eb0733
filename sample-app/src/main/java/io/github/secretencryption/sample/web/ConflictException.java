package io.github.secretencryption.sample.web;

import java.io.Serial;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a request conflicts with what is stored; answered with 409 Conflict and the
 * name of the field at fault.
 */
public class ConflictException extends ErrorResponseException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param detail what the conflict is, without any secret
	 * @param field name of the request field at fault
	 */
	public ConflictException(String detail, String field) {
		super(HttpStatus.CONFLICT, problem(detail, field), null);
	}

	private static ProblemDetail problem(String detail, String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
		problem.setTitle("Conflict");
		problem.setProperty("field", field);
		return problem;
	}

}
