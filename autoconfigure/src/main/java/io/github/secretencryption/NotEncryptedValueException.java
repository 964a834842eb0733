package io.github.secretencryption;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a value that must be encrypted is not in any format this starter writes,
 * for example legacy plaintext in an encrypted column or a value of an unknown format
 * version.
 *
 * @since 0.1.0
 */
public class NotEncryptedValueException extends SecretEncryptionException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param problem what is wrong, in words an operator can act on
	 * @param location where the value is, if known
	 */
	public NotEncryptedValueException(String problem, @Nullable SecretLocation location) {
		super(problem, location);
	}

	@Override
	public NotEncryptedValueException at(SecretLocation location) {
		SecretLocation known = getLocation();
		return new NotEncryptedValueException(getProblem(), (known != null) ? known.merge(location) : location);
	}

}
