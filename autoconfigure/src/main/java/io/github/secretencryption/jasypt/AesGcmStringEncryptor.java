package io.github.secretencryption.jasypt;

import io.github.secretencryption.SecretEncryptionException;
import org.jasypt.encryption.StringEncryptor;
import org.jasypt.exceptions.EncryptionOperationNotPossibleException;

/**
 * Jasypt {@link StringEncryptor} over a {@link ConfigValueEncryptor}: AES-256-GCM under
 * the key of configuration values. A value that cannot be decrypted raises Jasypt's
 * {@link EncryptionOperationNotPossibleException}, which is what Jasypt's property
 * resolution expects, with a message that names the key and never the value.
 *
 * @since 0.1.0
 */
public final class AesGcmStringEncryptor implements StringEncryptor {

	private final ConfigValueEncryptor encryptor;

	/**
	 * Create a Jasypt encryptor.
	 * @param encryptor the encryptor of configuration values
	 */
	public AesGcmStringEncryptor(ConfigValueEncryptor encryptor) {
		this.encryptor = encryptor;
	}

	/**
	 * Return the encryptor of configuration values.
	 * @return the encryptor
	 */
	public ConfigValueEncryptor getEncryptor() {
		return this.encryptor;
	}

	@Override
	public String encrypt(String message) {
		return this.encryptor.encrypt(message);
	}

	@Override
	public String decrypt(String encryptedMessage) {
		try {
			return this.encryptor.decrypt(encryptedMessage);
		}
		catch (SecretEncryptionException ex) {
			// Jasypt only handles its own exception type; the message names no value
			throw new EncryptionOperationNotPossibleException(ex.getMessage());
		}
	}

	@Override
	public String toString() {
		return "AesGcmStringEncryptor[key=" + this.encryptor.getKeyName() + "]";
	}

}
