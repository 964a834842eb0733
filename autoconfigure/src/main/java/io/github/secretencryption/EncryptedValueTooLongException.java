package io.github.secretencryption;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * Thrown before a write when the encrypted form of a value is longer than its column
 * holds, so that the value is neither truncated nor refused by the database with an error
 * of its own.
 *
 * @since 0.1.0
 */
public class EncryptedValueTooLongException extends SecretEncryptionException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param problem what is wrong, in words an operator can act on
	 * @param location where the value is, if known
	 */
	public EncryptedValueTooLongException(String problem, @Nullable SecretLocation location) {
		super(problem, location);
	}

	@Override
	public EncryptedValueTooLongException at(SecretLocation location) {
		SecretLocation known = getLocation();
		return new EncryptedValueTooLongException(getProblem(), (known != null) ? known.merge(location) : location);
	}

}
