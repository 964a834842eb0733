package io.github.secretencryption.keys;

import java.io.Serial;
import java.nio.file.Path;

import io.github.secretencryption.SecretEncryptionException;
import io.github.secretencryption.SecretLocation;

/**
 * Thrown when a key file cannot be created or loaded, or fails a check. It names the
 * file, what is wrong and what the operator should do; it never carries key material, nor
 * the cause of a failure raised while reading key bytes.
 *
 * @since 0.1.0
 */
public class KeyFileException extends SecretEncryptionException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient Path path;

	private final String action;

	/**
	 * Create a new exception.
	 * @param keyName name of the key
	 * @param path the key file or directory at fault
	 * @param problem what is wrong
	 * @param action what the operator should do
	 */
	public KeyFileException(String keyName, Path path, String problem, String action) {
		super(problem, SecretLocation.ofKey(keyName, null));
		this.path = path;
		this.action = action;
	}

	/**
	 * Return the key file or directory at fault.
	 * @return the path
	 */
	public Path getPath() {
		return this.path;
	}

	/**
	 * Return what the operator should do.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

	@Override
	public KeyFileException at(SecretLocation location) {
		return this;
	}

}
