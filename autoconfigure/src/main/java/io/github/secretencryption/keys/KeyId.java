package io.github.secretencryption.keys;

import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Non-secret 32-bit identifier of a key, written into every value encrypted under it.
 * <p>
 * The id is derived from the key: the first four bytes, read big-endian, of
 * HMAC-SHA256(key, {@code "secret-encryption key id"}). Being the output of a
 * pseudorandom function keyed by the key, it reveals nothing useful about the key, yet
 * the same key always has the same id on every machine. It is shown as eight lower-case
 * hexadecimal digits.
 *
 * @param value the id as a signed 32-bit integer
 * @since 0.1.0
 */
public record KeyId(int value) {

	private static final byte[] DERIVATION_LABEL = "secret-encryption key id"
		.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	/**
	 * Derive the id of the given key.
	 * @param key the key bytes
	 * @return the key id
	 */
	public static KeyId derive(byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] digest = mac.doFinal(DERIVATION_LABEL);
			return new KeyId(((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8)
					| (digest[3] & 0xff));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this Java runtime");
		}
	}

	/**
	 * Parse an id from its eight hexadecimal digits.
	 * @param text the id as shown by {@link #toString()}
	 * @return the key id
	 */
	public static KeyId parse(String text) {
		if (text.length() != 8 || !text.chars().allMatch(HexFormat::isHexDigit)) {
			throw new IllegalArgumentException("Key id must be eight hexadecimal digits, not '" + text + "'");
		}
		return new KeyId(HexFormat.fromHexDigits(text));
	}

	@Override
	public String toString() {
		return HexFormat.of().toHexDigits(this.value);
	}

}
