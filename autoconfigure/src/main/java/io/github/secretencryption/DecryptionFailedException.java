package io.github.secretencryption;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when an encrypted value fails authentication: it was tampered with, corrupted,
 * or encrypted under other associated data (another column) or another key with the same
 * id.
 *
 * @since 0.1.0
 */
public class DecryptionFailedException extends SecretEncryptionException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param problem what is wrong, in words an operator can act on
	 * @param location where the value is, if known
	 */
	public DecryptionFailedException(String problem, @Nullable SecretLocation location) {
		super(problem, location);
	}

	@Override
	public DecryptionFailedException at(SecretLocation location) {
		SecretLocation known = getLocation();
		return new DecryptionFailedException(getProblem(), (known != null) ? known.merge(location) : location);
	}

}
