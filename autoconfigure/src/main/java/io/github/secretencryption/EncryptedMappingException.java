package io.github.secretencryption;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when an {@link Encrypted} attribute is mapped in a way the starter cannot
 * encrypt: not a single-column basic attribute, not a {@link String}, or under a key name
 * that is not configured. Raised while Hibernate builds the persistence unit, so the
 * application stops before anything is stored.
 *
 * @since 0.1.0
 */
public class EncryptedMappingException extends SecretEncryptionException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String action;

	/**
	 * Create a new exception.
	 * @param problem what is wrong with the mapping
	 * @param action what to change
	 * @param location the attribute and its key name
	 */
	public EncryptedMappingException(String problem, String action, @Nullable SecretLocation location) {
		super(problem, location);
		this.action = action;
	}

	/**
	 * Return what to change so that the attribute can be encrypted.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

	@Override
	public EncryptedMappingException at(SecretLocation location) {
		return new EncryptedMappingException(getProblem(), this.action, location);
	}

}
