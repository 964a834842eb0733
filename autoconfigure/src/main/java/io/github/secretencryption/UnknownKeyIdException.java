package io.github.secretencryption;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when an encrypted value names a key id that no configured key of its key name
 * has.
 *
 * @since 0.1.0
 */
public class UnknownKeyIdException extends SecretEncryptionException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param problem what is wrong, in words an operator can act on
	 * @param location where the value is, if known
	 */
	public UnknownKeyIdException(String problem, @Nullable SecretLocation location) {
		super(problem, location);
	}

	@Override
	public UnknownKeyIdException at(SecretLocation location) {
		SecretLocation known = getLocation();
		return new UnknownKeyIdException(getProblem(), (known != null) ? known.merge(location) : location);
	}

}
