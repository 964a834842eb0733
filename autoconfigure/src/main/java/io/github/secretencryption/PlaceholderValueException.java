package io.github.secretencryption;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the masking placeholder reaches a place that needs a real secret: a create
 * request that sends the placeholder, or a write of the placeholder into an encrypted
 * column.
 *
 * @since 0.1.0
 */
public class PlaceholderValueException extends SecretEncryptionException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param problem what is wrong, in words an operator can act on
	 * @param location where the value is, if known
	 */
	public PlaceholderValueException(String problem, @Nullable SecretLocation location) {
		super(problem, location);
	}

	@Override
	public PlaceholderValueException at(SecretLocation location) {
		SecretLocation known = getLocation();
		return new PlaceholderValueException(getProblem(), (known != null) ? known.merge(location) : location);
	}

}
