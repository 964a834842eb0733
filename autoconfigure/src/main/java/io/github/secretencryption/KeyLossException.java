package io.github.secretencryption;

import java.io.Serial;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when a key file is missing or holds another key while the database
 * still holds values, or records key ids, of that key name: starting would write new
 * values that the old key cannot read and leave the old ones unreadable.
 *
 * @since 0.1.0
 */
public class KeyLossException extends SecretEncryptionException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient @Nullable Path file;

	private final String action;

	/**
	 * Create a new exception.
	 * @param problem what is wrong: key name, file, key ids, affected columns and rows
	 * @param action what the operator should do
	 * @param keyName the key name
	 * @param file the key file, if known
	 */
	public KeyLossException(String problem, String action, String keyName, @Nullable Path file) {
		super(problem, SecretLocation.ofKey(keyName, null));
		this.action = action;
		this.file = file;
	}

	/**
	 * Return the key file.
	 * @return the key file, or {@code null}
	 */
	public @Nullable Path getFile() {
		return this.file;
	}

	/**
	 * Return what the operator should do.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

	@Override
	public KeyLossException at(SecretLocation location) {
		return this;
	}

}
