package io.github.secretencryption.crypto;

/**
 * Standard Base64 of RFC 4648 with padding, written straight into a caller's buffer and
 * read straight out of a {@link String}, without the intermediate copies of
 * {@link java.util.Base64}. Reading accepts only the canonical text, the one text that
 * writing produces for a binary value: padding is required, unused bits must be zero, and
 * no other character is allowed.
 */
final class CanonicalBase64 {

	private static final byte[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
		.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	private static final byte[] VALUES = new byte[128];

	private static final byte PAD = '=';

	static {
		java.util.Arrays.fill(VALUES, (byte) -1);
		for (int i = 0; i < ALPHABET.length; i++) {
			VALUES[ALPHABET[i]] = (byte) i;
		}
	}

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
	 * Write the text of a binary value into a buffer.
	 * @param source the binary value
	 * @param length the number of bytes of the value, from index 0
	 * @param target the buffer, with room for {@link #encodedLength(int)} bytes at
	 * {@code offset}
	 * @param offset where the text starts in the buffer
	 * @return the index after the text
	 */
	static int encode(byte[] source, int length, byte[] target, int offset) {
		int in = 0;
		int out = offset;
		int whole = length - length % 3;
		while (in < whole) {
			int bits = (source[in] & 0xff) << 16 | (source[in + 1] & 0xff) << 8 | (source[in + 2] & 0xff);
			target[out] = ALPHABET[bits >>> 18];
			target[out + 1] = ALPHABET[(bits >>> 12) & 0x3f];
			target[out + 2] = ALPHABET[(bits >>> 6) & 0x3f];
			target[out + 3] = ALPHABET[bits & 0x3f];
			in += 3;
			out += 4;
		}
		int left = length - whole;
		if (left > 0) {
			int bits = (source[in] & 0xff) << 16 | ((left == 2) ? (source[in + 1] & 0xff) << 8 : 0);
			target[out] = ALPHABET[bits >>> 18];
			target[out + 1] = ALPHABET[(bits >>> 12) & 0x3f];
			target[out + 2] = (left == 2) ? ALPHABET[(bits >>> 6) & 0x3f] : PAD;
			target[out + 3] = PAD;
			out += 4;
		}
		return out;
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
	 * Read the binary value of a text into a buffer.
	 * @param text the text
	 * @param offset where the Base64 starts in the text
	 * @param target the buffer, with room for {@link #decodedLength(String, int)} bytes
	 * @return {@code true} if the text was canonical Base64, {@code false} if it was not,
	 * in which case the buffer holds part of the value
	 */
	static boolean decode(String text, int offset, byte[] target) {
		int length = text.length() - offset;
		if (length % 4 != 0) {
			return false;
		}
		int end = text.length();
		int lastGroup = (length == 0) ? end : end - 4;
		int in = offset;
		int out = 0;
		while (in < lastGroup) {
			int bits = value(text.charAt(in)) << 18 | value(text.charAt(in + 1)) << 12 | value(text.charAt(in + 2)) << 6
					| value(text.charAt(in + 3));
			if (bits < 0) {
				return false;
			}
			target[out] = (byte) (bits >> 16);
			target[out + 1] = (byte) (bits >> 8);
			target[out + 2] = (byte) bits;
			in += 4;
			out += 3;
		}
		return (length == 0) || decodeLastGroup(text, in, target, out);
	}

	private static boolean decodeLastGroup(String text, int in, byte[] target, int out) {
		int first = value(text.charAt(in));
		int second = value(text.charAt(in + 1));
		char thirdChar = text.charAt(in + 2);
		char fourthChar = text.charAt(in + 3);
		if ((first | second) < 0) {
			return false;
		}
		if (fourthChar != PAD) {
			int bits = first << 18 | second << 12 | value(thirdChar) << 6 | value(fourthChar);
			if (bits < 0) {
				return false;
			}
			target[out] = (byte) (bits >> 16);
			target[out + 1] = (byte) (bits >> 8);
			target[out + 2] = (byte) bits;
			return true;
		}
		if (thirdChar == PAD) {
			// One byte: the low four bits of the second character are unused
			target[out] = (byte) (first << 2 | second >> 4);
			return (second & 0x0f) == 0;
		}
		int third = value(thirdChar);
		if (third < 0) {
			return false;
		}
		// Two bytes: the low two bits of the third character are unused
		target[out] = (byte) (first << 2 | second >> 4);
		target[out + 1] = (byte) (second << 4 | third >> 2);
		return (third & 0x03) == 0;
	}

	/**
	 * Return the six bits of a character, or a negative number, which stays negative when
	 * shifted left by up to 18 places and combined with others, for any other character.
	 */
	private static int value(char c) {
		return (c < 128) ? VALUES[c] : -1;
	}

}
