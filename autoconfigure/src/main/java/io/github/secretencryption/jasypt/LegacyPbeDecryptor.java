package io.github.secretencryption.jasypt;

import org.jasypt.encryption.pbe.StandardPBEStringEncryptor;
import org.jasypt.exceptions.EncryptionInitializationException;
import org.jasypt.exceptions.EncryptionOperationNotPossibleException;
import org.jasypt.iv.IvGenerator;
import org.jasypt.salt.SaltGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Decrypts values that Jasypt's {@code StandardPBEStringEncryptor} wrote, as Jasypt's
 * Hibernate types stored them in columns, so that a migration can re-encrypt them in the
 * starter's format. Decrypt only: nothing new is ever written in Jasypt's format.
 * <p>
 * Password-based DES and similar ciphers check their padding only, so a value written
 * with another password occasionally decrypts to noise instead of failing. A result that
 * is not valid text is therefore refused like a failed decryption.
 *
 * @since 0.1.0
 */
public final class LegacyPbeDecryptor {

	/**
	 * Algorithm of the Jasypt library's own defaults.
	 */
	public static final String DEFAULT_ALGORITHM = "PBEWithMD5AndDES";

	/**
	 * Key obtention iterations of the Jasypt library's own defaults.
	 */
	public static final int DEFAULT_ITERATIONS = 1000;

	/**
	 * IV generator of the Jasypt library's own defaults: no IV.
	 */
	public static final String DEFAULT_IV_GENERATOR = "org.jasypt.iv.NoIvGenerator";

	/**
	 * Salt generator of the Jasypt library's own defaults.
	 */
	public static final String DEFAULT_SALT_GENERATOR = "org.jasypt.salt.RandomSaltGenerator";

	/**
	 * String output type of the Jasypt library's own defaults.
	 */
	public static final String DEFAULT_STRING_OUTPUT_TYPE = "base64";

	private final StandardPBEStringEncryptor encryptor;

	private final String description;

	/**
	 * Create a decryptor and check its settings at once.
	 * @param password the password the values were encrypted with
	 * @param algorithm the PBE algorithm
	 * @param iterations the key obtention iterations
	 * @param ivGenerator class name of the IV generator
	 * @param saltGenerator class name of the salt generator
	 * @param stringOutputType {@code base64} or {@code hexadecimal}
	 * @param providerName the JCE provider, or {@code null} for the default
	 * @throws IllegalArgumentException if a setting is invalid, with a message that names
	 * the setting but never the password
	 */
	public LegacyPbeDecryptor(String password, String algorithm, int iterations, String ivGenerator,
			String saltGenerator, String stringOutputType, @Nullable String providerName) {
		if (password.isEmpty()) {
			throw new IllegalArgumentException("Password must not be empty");
		}
		if (iterations < 1) {
			throw new IllegalArgumentException("Iterations must be at least 1, not " + iterations);
		}
		StandardPBEStringEncryptor encryptor = new StandardPBEStringEncryptor();
		encryptor.setPassword(password);
		encryptor.setAlgorithm(algorithm);
		encryptor.setKeyObtentionIterations(iterations);
		encryptor.setIvGenerator(instantiate(ivGenerator, IvGenerator.class, "IV generator"));
		encryptor.setSaltGenerator(instantiate(saltGenerator, SaltGenerator.class, "Salt generator"));
		encryptor.setStringOutputType(stringOutputType);
		if (providerName != null) {
			encryptor.setProviderName(providerName);
		}
		try {
			encryptor.initialize();
		}
		catch (EncryptionInitializationException ex) {
			throw new IllegalArgumentException(
					"Algorithm '" + algorithm + "'"
							+ ((providerName != null) ? " of provider '" + providerName + "'" : "")
							+ " cannot be used: it is unknown to this Java runtime or not a password-based algorithm",
					null);
		}
		this.encryptor = encryptor;
		this.description = algorithm + ", " + iterations + " iterations, " + ivGenerator + ", " + saltGenerator + ", "
				+ stringOutputType;
	}

	/**
	 * Decrypt one value.
	 * @param value the value as stored
	 * @return the plaintext
	 * @throws IllegalArgumentException if the value cannot be decrypted with these
	 * settings; the message never holds the value or the password
	 */
	public String decrypt(String value) {
		String plaintext;
		try {
			plaintext = this.encryptor.decrypt(value);
		}
		catch (EncryptionOperationNotPossibleException | IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"cannot be decrypted with the configured Jasypt password and settings (" + this.description + ")",
					null);
		}
		if (plaintext == null || !isText(plaintext)) {
			throw new IllegalArgumentException(
					"decrypts to bytes that are not UTF-8 text with the configured Jasypt " + "password and settings ("
							+ this.description + "), as values written with a different password often do",
					null);
		}
		return plaintext;
	}

	private static boolean isText(String plaintext) {
		for (int i = 0; i < plaintext.length(); i++) {
			char c = plaintext.charAt(i);
			if (c == '\uFFFD' || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
				return false;
			}
		}
		return true;
	}

	private static <T> T instantiate(String className, Class<T> type, String what) {
		try {
			Class<?> found = Class.forName(className, true, LegacyPbeDecryptor.class.getClassLoader());
			return type.cast(found.getDeclaredConstructor().newInstance());
		}
		catch (ReflectiveOperationException | ClassCastException | LinkageError ex) {
			throw new IllegalArgumentException(
					what + " '" + className + "' cannot be created: give the name of a class " + "that implements "
							+ type.getName() + " and has a public constructor without arguments",
					null);
		}
	}

	@Override
	public String toString() {
		return "LegacyPbeDecryptor[" + this.description + "]";
	}

}
