package io.github.secretencryption;

import java.io.Serial;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.NonTransientDataAccessException;

/**
 * Base class of every exception the starter throws. Its message names where the problem
 * is (key, key id, entity, attribute, row) and never carries plaintext, ciphertext or key
 * material.
 * <p>
 * It extends Spring's {@link NonTransientDataAccessException} so that a repository call
 * that fails on an encrypted attribute surfaces this exception unchanged through Spring's
 * persistence exception translation.
 *
 * @since 0.1.0
 */
public abstract class SecretEncryptionException extends NonTransientDataAccessException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String problem;

	private final @Nullable SecretLocation location;

	protected SecretEncryptionException(String problem, @Nullable SecretLocation location) {
		super(message(problem, location));
		this.problem = problem;
		this.location = location;
	}

	private static String message(String problem, @Nullable SecretLocation location) {
		return (location != null) ? problem + " (" + location + ")" : problem;
	}

	/**
	 * Return the problem without the location.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

	/**
	 * Return where the problem was found, if known.
	 * @return the location or {@code null}
	 */
	public @Nullable SecretLocation getLocation() {
		return this.location;
	}

	/**
	 * Return a copy of this exception that names the given location.
	 * @param location where the value was read or written
	 * @return a new exception of the same type
	 */
	public abstract SecretEncryptionException at(SecretLocation location);

}
