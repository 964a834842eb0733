package io.github.secretencryption.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Standard Base64 of RFC 4648 with padding, through {@link java.util.Base64}, whose
 * encoder and decoder the JIT replaces with vector code on CPUs that have it. Reading
 * accepts only the canonical text, the one text that writing produces for a binary value:
 * padding is required, unused bits must be zero, and no other character is allowed.
 * {@link java.util.Base64.Decoder} alone accepts text without its padding and ignores
 * unused bits, so this class checks both itself.
 */
final class CanonicalBase64 {

	private static final Base64.Encoder encoder = Base64.getEncoder();

	private static final Base64.Decoder decoder = Base64.getDecoder();

	private static final byte PAD = '=';

	private CanonicalBase64() {
	}

	/**
	 * Return the length of the text of a binary value.
	 * @param binaryLength the number of bytes
	 * @return the number of characters
	 */
	static int encodedLength(int binaryLength) {
		return 4 * ((binaryLength + 2) / 3);
	}

	/**
	 * Return the number of bytes that {@link #encode} and {@link #decode} keep free at
	 * the start of a binary buffer for a text prefix: the prefix is written over, or read
	 * in place of, the Base64 of these bytes, which saves copying the text to make room
	 * for it.
	 * @param prefixLength the number of characters of the prefix, a multiple of four
	 * @return the number of bytes
	 */
	static int reservedBytes(int prefixLength) {
		if (prefixLength % 4 != 0) {
			throw new IllegalArgumentException("Prefix length must be a multiple of 4, not " + prefixLength);
		}
		return prefixLength / 4 * 3;
	}

	/**
	 * Return a prefix followed by the text of a binary value.
	 * @param prefix ASCII text to put first, a multiple of four characters long
	 * @param buffer {@link #reservedBytes(int)} bytes of any value followed by the binary
	 * value, all of the array
	 * @param text a buffer with room for {@link #encodedLength(int)} characters of the
	 * whole {@code buffer}, overwritten
	 * @return the text
	 */
	static String encode(byte[] prefix, byte[] buffer, byte[] text) {
		int length = encoder.encode(buffer, text);
		System.arraycopy(prefix, 0, text, 0, prefix.length);
		return new String(text, 0, length, StandardCharsets.ISO_8859_1);
	}

	/**
	 * Return the length of the binary value of a text, or -1 if the text cannot be
	 * canonical Base64. Only the length and the padding are looked at.
	 * @param text the text
	 * @param offset where the Base64 starts in the text
	 * @return the number of bytes, or -1
	 */
	static int decodedLength(String text, int offset) {
		int length = text.length() - offset;
		if (length < 0 || length % 4 != 0) {
			return -1;
		}
		if (length == 0) {
			return 0;
		}
		int padding = (text.charAt(text.length() - 1) != PAD) ? 0 : (text.charAt(text.length() - 2) != PAD) ? 1 : 2;
		return length / 4 * 3 - padding;
	}

	/**
	 * Read the binary value of a text that starts with a prefix into a buffer, after
	 * {@link #reservedBytes(int)} bytes.
	 * @param text the text
	 * @param prefixLength the number of characters before the Base64, a multiple of four
	 * @param target the buffer, with room for the reserved bytes and
	 * {@link #decodedLength(String, int)} more, overwritten
	 * @return the length of the binary value, or -1 if the text after the prefix is not
	 * canonical Base64
	 */
	static int decode(String text, int prefixLength, byte[] target) {
		int reserved = reservedBytes(prefixLength);
		int expectedLength = decodedLength(text, prefixLength);
		if (expectedLength < 0 || !lastGroupHasNoUnusedBits(text)) {
			return -1;
		}
		// Every character above U+00FF becomes '?', which the decoder refuses; a pair of
		// surrogates becomes one '?', which would shift the prefix
		byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
		if (bytes.length != text.length()) {
			return -1;
		}
		// The prefix becomes whole groups of 'A', which decode to the reserved bytes
		Arrays.fill(bytes, 0, prefixLength, (byte) 'A');
		try {
			int length = decoder.decode(bytes, target) - reserved;
			return (length == expectedLength) ? length : -1;
		}
		catch (IllegalArgumentException ex) {
			return -1;
		}
	}

	/**
	 * Whether the bits that a padded last group leaves unused are zero: the low four bits
	 * of the character before {@code ==}, the low two bits of the one before {@code =}.
	 * Characters outside the alphabet are left to the decoder.
	 */
	private static boolean lastGroupHasNoUnusedBits(String text) {
		int end = text.length();
		if (end < 2 || text.charAt(end - 1) != PAD) {
			return true;
		}
		boolean twoPads = text.charAt(end - 2) == PAD;
		int last = sixBits(text.charAt(end - (twoPads ? 3 : 2)));
		return last < 0 || (last & (twoPads ? 0x0f : 0x03)) == 0;
	}

	/**
	 * Return the six bits of a character of the alphabet, or -1 for any other character.
	 */
	private static int sixBits(char c) {
		if (c >= 'A' && c <= 'Z') {
			return c - 'A';
		}
		if (c >= 'a' && c <= 'z') {
			return c - 'a' + 26;
		}
		if (c >= '0' && c <= '9') {
			return c - '0' + 52;
		}
		return (c == '+') ? 62 : (c == '/') ? 63 : -1;
	}

}
