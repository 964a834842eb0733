package io.github.secretencryption.autoconfigure;

import java.io.Serial;

import io.github.secretencryption.jdbc.KeyIdRecords;

/**
 * Thrown at startup when the table of recorded key ids does not exist and the starter was
 * told not to create it.
 *
 * @since 0.1.0
 */
public class KeyRegistryTableMissingException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	KeyRegistryTableMissingException(Throwable cause) {
		super("Table " + KeyIdRecords.TABLE + " does not exist, and secret-encryption.key-registry.initialize-schema "
				+ "does not let the starter create it in this database", cause);
	}

}
