package io.github.secretencryption.jpa;

import io.github.secretencryption.SecretEncryptionException;

/**
 * Told about reads of encrypted columns that need an operator's attention, for example to
 * count them. It receives where the value is, never the value.
 *
 * @since 0.1.0
 */
public interface EncryptedReadListener {

	/**
	 * Listener that does nothing.
	 */
	EncryptedReadListener NONE = new EncryptedReadListener() {
	};

	/**
	 * Called when a value of an encrypted column cannot be read; the failure is thrown
	 * right after.
	 * @param column the column
	 * @param failure the failure, naming the key id and row where known
	 */
	default void decryptionFailed(EncryptedColumn column, SecretEncryptionException failure) {
	}

	/**
	 * Called when legacy plaintext is read from an encrypted column, which happens only
	 * with {@link PlaintextReads#ALLOW}.
	 * @param column the column
	 */
	default void plaintextRead(EncryptedColumn column) {
	}

}
