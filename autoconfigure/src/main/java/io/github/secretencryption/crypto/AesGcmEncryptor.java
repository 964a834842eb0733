package io.github.secretencryption.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
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
import org.jspecify.annotations.Nullable;

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
 * Instances are thread safe. Each thread keeps its own cipher, buffers and supply of
 * nonce bytes; a nonce byte is handed out once and erased from the supply.
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

	private static final byte[] PREFIX_BYTES = PREFIX.getBytes(StandardCharsets.US_ASCII);

	/**
	 * Bytes before a binary value in the buffers that hold it next to its text, where the
	 * text has its prefix.
	 */
	private static final int RESERVED = CanonicalBase64.reservedBytes(PREFIX.length());

	private static final ThreadLocal<Workspace> workspace = ThreadLocal.withInitial(Workspace::new);

	private final Supplier<KeyRing> keyRing;

	private final @Nullable SecureRandom random;

	/**
	 * Create an encryptor over a key ring that never changes. Nonces come from the
	 * operating system's generator ({@code /dev/urandom}, or the Java runtime's default
	 * {@link SecureRandom} where there is none), drawn 1,536 bytes (128 nonces) at a time
	 * into a buffer per thread, each byte used for one nonce only and kept for at most
	 * 100 ms.
	 * @param keyRing the keys
	 */
	public AesGcmEncryptor(KeyRing keyRing) {
		this.keyRing = keyRing::snapshot;
		this.random = null;
	}

	/**
	 * Create an encryptor over a key ring that may change, for example when keys are
	 * added.
	 * @param keyRing supplies the current keys
	 * @param random source of nonces, asked for the 12 bytes of one nonce per value
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
		EncryptionKey key = this.keyRing.get().getPrimary(keyName);
		byte[] input = plaintext.getBytes(StandardCharsets.UTF_8);
		try {
			Workspace workspace = AesGcmEncryptor.workspace.get();
			byte[] buffer = new byte[RESERVED + OVERHEAD + input.length];
			seal(keyName, key, input, associatedData, buffer, RESERVED, workspace);
			return CanonicalBase64.encode(PREFIX_BYTES, buffer,
					workspace.text(CanonicalBase64.encodedLength(buffer.length)));
		}
		finally {
			Arrays.fill(input, (byte) 0);
		}
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
		seal(keyName, key, plaintext, associatedData, output, 0, AesGcmEncryptor.workspace.get());
		return output;
	}

	/**
	 * Write the binary value of a plaintext into {@code OVERHEAD + plaintext.length}
	 * bytes of a buffer from an offset on.
	 */
	private void seal(String keyName, EncryptionKey key, byte[] plaintext, byte[] associatedData, byte[] output,
			int offset, Workspace workspace) {
		int id = key.getId().value();
		output[offset] = TINK_MARKER;
		output[offset + 1] = (byte) (id >>> 24);
		output[offset + 2] = (byte) (id >>> 16);
		output[offset + 3] = (byte) (id >>> 8);
		output[offset + 4] = (byte) id;
		if (this.random != null) {
			byte[] nonce = workspace.nonce;
			this.random.nextBytes(nonce);
			System.arraycopy(nonce, 0, output, offset + HEADER_LENGTH, NONCE_LENGTH);
		}
		else {
			workspace.takeNonce(output, offset + HEADER_LENGTH);
		}
		try {
			Cipher cipher = workspace.cipher;
			cipher.init(Cipher.ENCRYPT_MODE, key.toSecretKey(),
					new GCMParameterSpec(TAG_BITS, output, offset + HEADER_LENGTH, NONCE_LENGTH));
			cipher.updateAAD(associatedData);
			cipher.doFinal(plaintext, 0, plaintext.length, output, offset + HEADER_LENGTH + NONCE_LENGTH);
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
		KeyRing keyRing = this.keyRing.get();
		Workspace workspace = AesGcmEncryptor.workspace.get();
		byte[] buffer = workspace.binary(RESERVED + decodedLength(keyName, value));
		int binaryLength = decode(keyName, value, buffer);
		int plaintextLength = Math.max(binaryLength - OVERHEAD, 0);
		byte[] plaintext = workspace.plaintext(plaintextLength);
		try {
			int length = open(keyRing, keyName, buffer, RESERVED, binaryLength, associatedData, plaintext, workspace);
			return new String(plaintext, 0, length, StandardCharsets.UTF_8);
		}
		finally {
			Arrays.fill(plaintext, 0, plaintextLength, (byte) 0);
		}
	}

	/**
	 * Decrypt a binary value.
	 * @param keyName the key name the value was encrypted under
	 * @param binary the binary value
	 * @param associatedData data the value was bound to
	 * @return the plaintext bytes
	 */
	public byte[] decrypt(String keyName, byte[] binary, byte[] associatedData) {
		byte[] plaintext = new byte[Math.max(binary.length - OVERHEAD, 0)];
		open(this.keyRing.get(), keyName, binary, 0, binary.length, associatedData, plaintext,
				AesGcmEncryptor.workspace.get());
		return plaintext;
	}

	/**
	 * Decrypt the binary value in {@code length} bytes of a buffer from an offset on into
	 * another buffer.
	 * @return the length of the plaintext
	 */
	private static int open(KeyRing keyRing, String keyName, byte[] binary, int offset, int length,
			byte[] associatedData, byte[] plaintext, Workspace workspace) {
		if (length < OVERHEAD || binary[offset] != TINK_MARKER) {
			throw new NotEncryptedValueException("Value is not an encrypted value: its binary form is malformed",
					SecretLocation.ofKey(keyName, null));
		}
		KeyId keyId = new KeyId(readKeyId(binary, offset));
		EncryptionKey key = keyRing.find(keyName, keyId);
		if (key == null) {
			throw new UnknownKeyIdException(
					"Value was encrypted under key id " + keyId + ", which no key named '" + keyName
							+ "' has; restore that key from a backup into the key directory",
					SecretLocation.ofKey(keyName, keyId.toString()));
		}
		try {
			Cipher cipher = workspace.cipher;
			cipher.init(Cipher.DECRYPT_MODE, key.toSecretKey(),
					new GCMParameterSpec(TAG_BITS, binary, offset + HEADER_LENGTH, NONCE_LENGTH));
			cipher.updateAAD(associatedData);
			int start = HEADER_LENGTH + NONCE_LENGTH;
			return cipher.doFinal(binary, offset + start, length - start, plaintext, 0);
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
		byte[] buffer = new byte[RESERVED + decodedLength(null, value)];
		int length = decode(null, value, buffer);
		if (length < OVERHEAD || buffer[RESERVED] != TINK_MARKER) {
			throw new NotEncryptedValueException("Value is not an encrypted value: its binary form is malformed", null);
		}
		return new KeyId(readKeyId(buffer, RESERVED));
	}

	/**
	 * Return the length of the text that {@link #encrypt(String, String, byte[])} returns
	 * for a plaintext of the given UTF-8 length: the prefix, then the Base64 of the
	 * plaintext and {@link #OVERHEAD} bytes.
	 * @param plaintextBytes length of the UTF-8 plaintext in bytes
	 * @return the number of (ASCII) characters of the stored value
	 */
	public static long storedLength(long plaintextBytes) {
		if (plaintextBytes < 0) {
			throw new IllegalArgumentException("Plaintext length must not be negative, not " + plaintextBytes);
		}
		return PREFIX.length() + 4 * ((plaintextBytes + OVERHEAD + 2) / 3);
	}

	/**
	 * Read the key id of a stored value without decrypting it, or return {@code null} for
	 * a value that is not an encrypted value of this format version: legacy plaintext, a
	 * value of another format version, or one whose Base64 or binary form is malformed.
	 * @param value the stored value
	 * @return the key id, or {@code null}
	 */
	public static @Nullable KeyId findKeyId(String value) {
		if (!isEncrypted(value)) {
			return null;
		}
		try {
			return keyIdOf(value);
		}
		catch (NotEncryptedValueException ex) {
			return null;
		}
	}

	/**
	 * Whether a stored value lacks the {@code se<version>:} prefix of every format
	 * version, past or future, so that it can only be plaintext written before the column
	 * was encrypted.
	 * @param value the stored value
	 * @return {@code true} for legacy plaintext
	 */
	public static boolean isLegacyPlaintext(String value) {
		return formatVersionOf(value) == null;
	}

	/**
	 * Return the digits of a {@code se<version>:} prefix, or {@code null} if the value
	 * has none.
	 */
	private static @Nullable String formatVersionOf(String value) {
		int colon = value.indexOf(':');
		if (value.startsWith("se") && colon > 2 && colon < 8
				&& value.substring(2, colon).chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return value.substring(2, colon);
		}
		return null;
	}

	private static int readKeyId(byte[] binary, int offset) {
		return (binary[offset + 1] & 0xff) << 24 | (binary[offset + 2] & 0xff) << 16 | (binary[offset + 3] & 0xff) << 8
				| (binary[offset + 4] & 0xff);
	}

	/**
	 * Check the prefix of a value and return the length of its binary form.
	 */
	private static int decodedLength(@Nullable String keyName, String value) {
		if (!value.startsWith(PREFIX)) {
			SecretLocation location = (keyName != null) ? SecretLocation.ofKey(keyName, null) : null;
			String version = formatVersionOf(value);
			if (version != null) {
				throw new NotEncryptedValueException(
						"Value is in format version " + version
								+ ", which this version of secret-encryption cannot read; upgrade the application",
						location);
			}
			throw new NotEncryptedValueException(
					"Value is not an encrypted value: it lacks the '" + PREFIX + "' prefix (legacy plaintext?)",
					location);
		}
		int length = CanonicalBase64.decodedLength(value, PREFIX.length());
		if (length < 0) {
			throw notBase64(keyName);
		}
		return length;
	}

	/**
	 * Read the binary form of a value whose prefix {@link #decodedLength} has checked
	 * into a buffer, after {@link #RESERVED} bytes, and return its length.
	 */
	private static int decode(@Nullable String keyName, String value, byte[] buffer) {
		// Only the one text written for a binary value is read back: text without its
		// padding or with unused bits set is refused, unlike java.util.Base64 does
		int length = CanonicalBase64.decode(value, PREFIX.length(), buffer);
		if (length < 0) {
			throw notBase64(keyName);
		}
		return length;
	}

	private static NotEncryptedValueException notBase64(@Nullable String keyName) {
		return new NotEncryptedValueException("Value is not an encrypted value: it is not valid Base64",
				(keyName != null) ? SecretLocation.ofKey(keyName, null) : null);
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

	/**
	 * What one thread reuses from value to value: its cipher, its supply of nonce bytes
	 * and buffers for binary values, texts and plaintexts. Buffers grow to the largest
	 * value seen up to {@value #MAX_KEPT_LENGTH} bytes; larger values get buffers of
	 * their own. Plaintext buffers are wiped after each use.
	 */
	private static final class Workspace {

		/**
		 * Nonces drawn from the operating system's generator at a time.
		 */
		private static final int NONCES_PER_DRAW = 128;

		/**
		 * Longest time, in milliseconds, that drawn nonce bytes are kept for.
		 */
		private static final long MAX_NONCE_AGE_MILLIS = 100;

		private static final int MAX_KEPT_LENGTH = 8192;

		private final Cipher cipher = newCipher();

		private final byte[] nonce = new byte[NONCE_LENGTH];

		private final byte[] nonces = new byte[NONCES_PER_DRAW * NONCE_LENGTH];

		private int nextNonce = this.nonces.length;

		private long noncesDrawnAt;

		private byte[] binary = new byte[256];

		private byte[] text = new byte[512];

		private byte[] plaintext = new byte[256];

		/**
		 * Copy the next unused nonce into a buffer and erase it from the supply, so that
		 * it can never be handed out twice. A supply older than
		 * {@value #MAX_NONCE_AGE_MILLIS} ms by the wall clock, or from the future, is
		 * drawn anew: a JVM restored from a snapshot more than once must not hand out the
		 * same buffered bytes in each copy. The JDK's own {@code NativePRNG} keeps its
		 * buffer of operating system bytes for as long.
		 */
		void takeNonce(byte[] target, int offset) {
			long now = System.currentTimeMillis();
			if (this.nextNonce == this.nonces.length || now - this.noncesDrawnAt > MAX_NONCE_AGE_MILLIS
					|| now < this.noncesDrawnAt) {
				SystemRandomBytes.INSTANCE.nextBytes(this.nonces);
				this.nextNonce = 0;
				this.noncesDrawnAt = now;
			}
			System.arraycopy(this.nonces, this.nextNonce, target, offset, NONCE_LENGTH);
			Arrays.fill(this.nonces, this.nextNonce, this.nextNonce + NONCE_LENGTH, (byte) 0);
			this.nextNonce += NONCE_LENGTH;
		}

		byte[] binary(int length) {
			if (length > this.binary.length) {
				if (length > MAX_KEPT_LENGTH) {
					return new byte[length];
				}
				this.binary = new byte[length];
			}
			return this.binary;
		}

		byte[] text(int length) {
			if (length > this.text.length) {
				if (length > MAX_KEPT_LENGTH) {
					return new byte[length];
				}
				this.text = new byte[length];
			}
			return this.text;
		}

		byte[] plaintext(int length) {
			if (length > this.plaintext.length) {
				if (length > MAX_KEPT_LENGTH) {
					return new byte[length];
				}
				this.plaintext = new byte[length];
			}
			return this.plaintext;
		}

	}

}
