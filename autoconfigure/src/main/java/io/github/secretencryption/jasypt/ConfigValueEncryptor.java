package io.github.secretencryption.jasypt;

import java.nio.charset.StandardCharsets;

import io.github.secretencryption.DecryptionFailedException;
import io.github.secretencryption.NotEncryptedValueException;
import io.github.secretencryption.SecretLocation;
import io.github.secretencryption.UnknownKeyIdException;
import io.github.secretencryption.crypto.AesGcmEncryptor;

/**
 * Encrypts and decrypts configuration values under the keys of one key name, in format
 * version 1 of the stored format ({@code se1:} and Base64), with the fixed associated
 * data {@value #ASSOCIATED_DATA}.
 * <p>
 * The associated data is the same for every property, so a value can move from one
 * property to another, or from a properties file to an environment variable, where the
 * same property has another name. It is never a {@code table.column}, so a value copied
 * from an encrypted column does not decrypt as a configuration value, and the other way
 * round, even under the same key.
 * <p>
 * Instances are thread safe.
 *
 * @since 0.1.0
 */
public final class ConfigValueEncryptor {

	/**
	 * Associated data of every configuration value.
	 */
	public static final String ASSOCIATED_DATA = "config-value";

	/**
	 * Name of the key that encrypts configuration values unless configured otherwise.
	 */
	public static final String DEFAULT_KEY_NAME = "config";

	private static final byte[] ASSOCIATED_DATA_BYTES = ASSOCIATED_DATA.getBytes(StandardCharsets.US_ASCII);

	private final AesGcmEncryptor encryptor;

	private final String keyName;

	/**
	 * Create an encryptor for configuration values.
	 * @param encryptor the encryptor whose key ring holds the key name
	 * @param keyName the key name of configuration values
	 * @throws IllegalArgumentException if the key ring has no key of that name
	 */
	public ConfigValueEncryptor(AesGcmEncryptor encryptor, String keyName) {
		if (!encryptor.getKeyRing().contains(keyName)) {
			throw new IllegalArgumentException(
					"No key is named '" + keyName + "'; configured key names are " + encryptor.getKeyRing().getNames());
		}
		this.encryptor = encryptor;
		this.keyName = keyName;
	}

	/**
	 * Return the key name of configuration values.
	 * @return the key name
	 */
	public String getKeyName() {
		return this.keyName;
	}

	/**
	 * Encrypt a configuration value under the primary key of the key name.
	 * @param plaintext the value
	 * @return the encrypted value, without the {@code ENC(...)} around it
	 */
	public String encrypt(String plaintext) {
		return this.encryptor.encrypt(this.keyName, plaintext, ASSOCIATED_DATA_BYTES);
	}

	/**
	 * Decrypt a configuration value.
	 * @param value the encrypted value, without the {@code ENC(...)} around it
	 * @return the plaintext
	 * @throws NotEncryptedValueException if the value is not in a supported format
	 * @throws UnknownKeyIdException if no key of the key name has the value's key id
	 * @throws DecryptionFailedException if the value fails authentication
	 */
	public String decrypt(String value) {
		if (!AesGcmEncryptor.isEncrypted(value) && !value.startsWith("se")) {
			throw new NotEncryptedValueException(
					"Value was not made by encrypt-value: it lacks the '" + AesGcmEncryptor.PREFIX
							+ "' prefix (a value encrypted with a Jasypt password?)",
					SecretLocation.ofKey(this.keyName, null));
		}
		try {
			return this.encryptor.decrypt(this.keyName, value, ASSOCIATED_DATA_BYTES);
		}
		catch (UnknownKeyIdException ex) {
			SecretLocation location = ex.getLocation();
			String keyId = (location != null) ? location.keyId() : null;
			throw new UnknownKeyIdException("Value was encrypted under key id " + keyId + ", which no key named '"
					+ this.keyName + "' has: it was made on another install, or the key that made it is no longer "
					+ "in the key directory", location);
		}
		catch (DecryptionFailedException ex) {
			throw new DecryptionFailedException(
					"Value cannot be decrypted: it is tampered or corrupted, or is not a configuration value",
					ex.getLocation());
		}
	}

	@Override
	public String toString() {
		return "ConfigValueEncryptor[key=" + this.keyName + "]";
	}

}
