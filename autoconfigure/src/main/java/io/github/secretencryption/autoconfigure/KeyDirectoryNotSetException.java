package io.github.secretencryption.autoconfigure;

import java.io.Serial;

/**
 * Thrown at startup when {@code secret-encryption.key-directory} is not set.
 *
 * @since 0.1.0
 */
public class KeyDirectoryNotSetException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	KeyDirectoryNotSetException() {
		super("secret-encryption.key-directory is not set");
	}

}
