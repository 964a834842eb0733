package io.github.secretencryption.benchmarks.crypto;

import java.util.List;

/**
 * Encrypts one text value into text and back, the way an entity attribute is stored.
 *
 * @since 0.1.0
 */
public interface FieldEncryptor {

	/**
	 * Names of the implementations, in the order the report lists them.
	 */
	List<String> NAMES = List.of(SecretEncryptionFieldEncryptor.NAME, JcaBaselineFieldEncryptor.NAME,
			TinkFieldEncryptor.NAME, SpringSecurityFieldEncryptor.NAME, JasyptFieldEncryptor.NAME);

	/**
	 * Encrypt a value.
	 * @param plaintext the value
	 * @return the stored text
	 */
	String encrypt(String plaintext);

	/**
	 * Decrypt a value.
	 * @param stored the stored text
	 * @return the value
	 */
	String decrypt(String stored);

	/**
	 * Create an implementation with a new random key.
	 * @param name one of {@link #NAMES}
	 * @return the implementation
	 */
	static FieldEncryptor create(String name) {
		return switch (name) {
			case SecretEncryptionFieldEncryptor.NAME -> new SecretEncryptionFieldEncryptor();
			case JcaBaselineFieldEncryptor.NAME -> new JcaBaselineFieldEncryptor();
			case TinkFieldEncryptor.NAME -> new TinkFieldEncryptor();
			case SpringSecurityFieldEncryptor.NAME -> new SpringSecurityFieldEncryptor();
			case JasyptFieldEncryptor.NAME -> new JasyptFieldEncryptor();
			default -> throw new IllegalArgumentException("No field encryptor is named '" + name + "'");
		};
	}

}
