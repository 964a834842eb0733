package io.github.secretencryption.keys;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * A named 256-bit AES key and its {@link KeyId}. The key bytes stay inside this object:
 * {@link #toString()} shows the name, id and file only.
 *
 * @since 0.1.0
 */
public final class EncryptionKey {

	/**
	 * Length of every key, in bytes.
	 */
	public static final int LENGTH = 32;

	private final String name;

	private final KeyId id;

	private final SecretKey secretKey;

	private final @Nullable Path file;

	/**
	 * Create a key from its bytes, which are copied.
	 * @param name name of the key
	 * @param bytes the 32 key bytes
	 * @param file file the key was loaded from, or {@code null}
	 */
	public EncryptionKey(String name, byte[] bytes, @Nullable Path file) {
		if (bytes.length != LENGTH) {
			throw new IllegalArgumentException(
					"Key '" + name + "' must be " + LENGTH + " bytes long, not " + bytes.length);
		}
		this.name = name;
		this.id = KeyId.derive(bytes);
		this.secretKey = new SecretKeySpec(bytes, "AES");
		this.file = file;
	}

	/**
	 * Return the name of the key.
	 * @return the key name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Return the id of the key.
	 * @return the key id
	 */
	public KeyId getId() {
		return this.id;
	}

	/**
	 * Return the file the key was loaded from.
	 * @return the file, or {@code null} for a key that does not live in a file
	 */
	public @Nullable Path getFile() {
		return this.file;
	}

	/**
	 * Return the key for use with the Java Cryptography Architecture.
	 * @return the AES key
	 */
	public SecretKey toSecretKey() {
		return this.secretKey;
	}

	/**
	 * Whether this key has the same bytes as another, compared in constant time.
	 * @param other the other key
	 * @return {@code true} if the bytes are equal
	 */
	public boolean hasSameBytesAs(EncryptionKey other) {
		byte[] mine = this.secretKey.getEncoded();
		byte[] theirs = other.secretKey.getEncoded();
		try {
			return MessageDigest.isEqual(mine, theirs);
		}
		finally {
			Arrays.fill(mine, (byte) 0);
			Arrays.fill(theirs, (byte) 0);
		}
	}

	@Override
	public String toString() {
		return "EncryptionKey[name=" + this.name + ", id=" + this.id
				+ ((this.file != null) ? ", file=" + this.file : "") + "]";
	}

}
