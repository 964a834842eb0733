package io.github.secretencryption;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a persistence unit maps an {@link Encrypted} attribute but was not
 * connected to the starter's encryption, so it could only write plaintext.
 *
 * @since 0.1.0
 */
public class EncryptionNotConfiguredException extends SecretEncryptionException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param problem what is wrong and how to connect the persistence unit
	 * @param location the attribute, if known
	 */
	public EncryptionNotConfiguredException(String problem, @Nullable SecretLocation location) {
		super(problem, location);
	}

	@Override
	public EncryptionNotConfiguredException at(SecretLocation location) {
		return new EncryptionNotConfiguredException(getProblem(), location);
	}

}
