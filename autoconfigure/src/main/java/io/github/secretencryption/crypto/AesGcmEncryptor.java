package io.github.secretencryption.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import io.github.secretencryption.DecryptionFailedException;
import io.github.secretencryption.NotEncryptedValueException;
import io.github.secretencryption.SecretLocation;
import io.github.secretencryption.UnknownKeyIdException;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyId;
import io.github.secretencryption.keys.KeyRing;

/**
 * Encrypts and decrypts single values with AES-256-GCM under the primary key of a key
 * name, binding each value to associated data chosen by the caller.
 * <p>
 * Format version 1, the only one so far, is the text {@value #PREFIX} followed by the
 * standard Base64 encoding, with padding, of this binary value:
 *
 * <pre>
 * offset  length  content
 * 0       1       0x01, the marker of Tink's TINK output prefix
 * 1       4       key id, big-endian
 * 5       12      nonce, random for every value
 * 17      n       ciphertext, as long as the UTF-8 plaintext
 * 17 + n  16      authentication tag
 * </pre>
 *
 * The binary value is exactly what Tink's AES-GCM primitive with a TINK output prefix
 * produces, so any Tink implementation that holds the raw key and its id decrypts it. The
 * associated data is passed to GCM as is; the five prefix bytes are not authenticated,
 * exactly as in Tink, but a changed key id selects another key and fails authentication.
 * <p>
 * Instances are thread safe.
 *
 * @since 0.1.0
 */
public final class AesGcmEncryptor {

	/**
	 * Text that starts every value of format version 1.
	 */
	public static final String PREFIX = "se1:";

	/**
	 * Bytes a binary value adds to its plaintext: marker, key id, nonce and tag.
	 */
	public static final int OVERHEAD = 1 + 4 + 12 + 16;

	private static final byte TINK_MARKER = 0x01;

	private static final int HEADER_LENGTH = 5;

	private static final int NONCE_LENGTH = 12;

	private static final int TAG_BITS = 128;

	private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(AesGcmEncryptor::newCipher);

	private final Supplier<KeyRing> keyRing;

	private final SecureRandom random;

	/**
	 * Create an encryptor over a key ring that never changes.
	 * @param keyRing the keys
	 */
	public AesGcmEncryptor(KeyRing keyRing) {
		this(() -> keyRing, new SecureRandom());
	}

	/**
	 * Create an encryptor over a key ring that may change, for example when keys are
	 * added.
	 * @param keyRing supplies the current keys
	 * @param random source of nonces
	 */
	public AesGcmEncryptor(Supplier<KeyRing> keyRing, SecureRandom random) {
		this.keyRing = keyRing;
		this.random = random;
	}

	/**
	 * Return the current key ring.
	 * @return the key ring
	 */
	public KeyRing getKeyRing() {
		return this.keyRing.get();
	}

	/**
	 * Encrypt text under the primary key of a key name.
	 * @param keyName the key name
	 * @param plaintext the text to encrypt
	 * @param associatedData data the value is bound to
	 * @return the encrypted value in format version 1
	 */
	public String encrypt(String keyName, String plaintext, byte[] associatedData) {
		byte[] binary = encrypt(keyName, plaintext.getBytes(StandardCharsets.UTF_8), associatedData);
		return PREFIX + Base64.getEncoder().encodeToString(binary);
	}

	/**
	 * Encrypt bytes under the primary key of a key name.
	 * @param keyName the key name
	 * @param plaintext the bytes to encrypt
	 * @param associatedData data the value is bound to
	 * @return the binary value
	 */
	public byte[] encrypt(String keyName, byte[] plaintext, byte[] associatedData) {
		EncryptionKey key = this.keyRing.get().getPrimary(keyName);
		byte[] output = new byte[OVERHEAD + plaintext.length];
		output[0] = TINK_MARKER;
		ByteBuffer.wrap(output, 1, 4).putInt(key.getId().value());
		byte[] nonce = new byte[NONCE_LENGTH];
		this.random.nextBytes(nonce);
		System.arraycopy(nonce, 0, output, HEADER_LENGTH, NONCE_LENGTH);
		try {
			Cipher cipher = CIPHER.get();
			cipher.init(Cipher.ENCRYPT_MODE, key.toSecretKey(), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData);
			cipher.doFinal(plaintext, 0, plaintext.length, output, HEADER_LENGTH + NONCE_LENGTH);
			return output;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed under key '" + keyName + "' (id " + key.getId()
					+ "): " + ex.getClass().getSimpleName());
		}
	}

	/**
	 * Decrypt a value in any supported format version.
	 * @param keyName the key name the value was encrypted under
	 * @param value the encrypted value
	 * @param associatedData data the value was bound to
	 * @return the plaintext
	 * @throws NotEncryptedValueException if the value is not in a supported format
	 * @throws UnknownKeyIdException if no key of that name has the value's key id
	 * @throws DecryptionFailedException if the value fails authentication
	 */
	public String decrypt(String keyName, String value, byte[] associatedData) {
		byte[] binary = decode(keyName, value);
		return new String(decrypt(keyName, binary, associatedData), StandardCharsets.UTF_8);
	}

	/**
	 * Decrypt a binary value.
	 * @param keyName the key name the value was encrypted under
	 * @param binary the binary value
	 * @param associatedData data the value was bound to
	 * @return the plaintext bytes
	 */
	public byte[] decrypt(String keyName, byte[] binary, byte[] associatedData) {
		if (binary.length < OVERHEAD || binary[0] != TINK_MARKER) {
			throw new NotEncryptedValueException("Value is not an encrypted value: its binary form is malformed",
					SecretLocation.ofKey(keyName, null));
		}
		KeyId keyId = new KeyId(ByteBuffer.wrap(binary, 1, 4).getInt());
		EncryptionKey key = this.keyRing.get().find(keyName, keyId);
		if (key == null) {
			throw new UnknownKeyIdException(
					"Value was encrypted under key id " + keyId + ", which no key named '" + keyName
							+ "' has; restore that key from a backup into the key directory",
					SecretLocation.ofKey(keyName, keyId.toString()));
		}
		try {
			Cipher cipher = CIPHER.get();
			cipher.init(Cipher.DECRYPT_MODE, key.toSecretKey(),
					new GCMParameterSpec(TAG_BITS, binary, HEADER_LENGTH, NONCE_LENGTH));
			cipher.updateAAD(associatedData);
			int offset = HEADER_LENGTH + NONCE_LENGTH;
			return cipher.doFinal(binary, offset, binary.length - offset);
		}
		catch (AEADBadTagException ex) {
			throw new DecryptionFailedException(
					"Value cannot be decrypted: it is tampered or corrupted, or was copied from another column",
					SecretLocation.ofKey(keyName, keyId.toString()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM decryption failed under key '" + keyName + "' (id " + keyId + "): "
					+ ex.getClass().getSimpleName());
		}
	}

	/**
	 * Whether a text value is in a format this encryptor writes; legacy plaintext is not.
	 * The check looks at the prefix only and does not prove that the value decrypts.
	 * @param value the stored value
	 * @return {@code true} if the value starts with the prefix of a format version
	 */
	public static boolean isEncrypted(String value) {
		return value.startsWith(PREFIX);
	}

	/**
	 * Read the key id of an encrypted value without decrypting it.
	 * @param value the encrypted value
	 * @return the key id
	 * @throws NotEncryptedValueException if the value is not in a supported format
	 */
	public static KeyId keyIdOf(String value) {
		byte[] binary = decode(null, value);
		if (binary.length < OVERHEAD || binary[0] != TINK_MARKER) {
			throw new NotEncryptedValueException("Value is not an encrypted value: its binary form is malformed", null);
		}
		return new KeyId(ByteBuffer.wrap(binary, 1, 4).getInt());
	}

	private static byte[] decode(@org.jspecify.annotations.Nullable String keyName, String value) {
		SecretLocation location = (keyName != null) ? SecretLocation.ofKey(keyName, null) : null;
		if (!value.startsWith(PREFIX)) {
			int colon = value.indexOf(':');
			if (value.startsWith("se") && colon > 2 && colon < 8
					&& value.substring(2, colon).chars().allMatch((c) -> c >= '0' && c <= '9')) {
				throw new NotEncryptedValueException(
						"Value is in format version " + value.substring(2, colon)
								+ ", which this version of secret-encryption cannot read; upgrade the application",
						location);
			}
			throw new NotEncryptedValueException(
					"Value is not an encrypted value: it lacks the '" + PREFIX + "' prefix (legacy plaintext?)",
					location);
		}
		String encoded = value.substring(PREFIX.length());
		try {
			byte[] binary = Base64.getDecoder().decode(encoded);
			// The decoder also accepts text without padding or with unused bits set; only
			// the one text written for a binary value is read back
			if (Base64.getEncoder().encodeToString(binary).equals(encoded)) {
				return binary;
			}
		}
		catch (IllegalArgumentException ex) {
			// Reported below like any other text that is not the Base64 of a value
		}
		throw new NotEncryptedValueException("Value is not an encrypted value: it is not valid Base64", location);
	}

	private static Cipher newCipher() {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES/GCM/NoPadding is not available in this Java runtime");
		}
	}

	@Override
	public String toString() {
		return "AesGcmEncryptor[" + this.keyRing.get() + "]";
	}

}
