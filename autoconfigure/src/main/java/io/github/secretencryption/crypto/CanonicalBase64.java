package io.github.secretencryption.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

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
	 * Return a prefix followed by the text of a binary value.
	 * @param prefix ASCII text to put first
	 * @param binary the binary value, all of the array
	 * @param buffer a buffer with room for the prefix and {@link #encodedLength(int)}
	 * characters, overwritten
	 * @return the text
	 */
	static String encode(byte[] prefix, byte[] binary, byte[] buffer) {
		int length = encoder.encode(binary, buffer);
		System.arraycopy(buffer, 0, buffer, prefix.length, length);
		System.arraycopy(prefix, 0, buffer, 0, prefix.length);
		return new String(buffer, 0, prefix.length + length, StandardCharsets.ISO_8859_1);
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
	 * Read the binary value of a text.
	 * @param text the text
	 * @param offset where the Base64 starts in the text
	 * @return the binary value, or {@code null} if the text is not canonical Base64
	 */
	static byte @Nullable [] decode(String text, int offset) {
		int expectedLength = decodedLength(text, offset);
		if (expectedLength < 0 || !lastGroupHasNoUnusedBits(text)) {
			return null;
		}
		// Every character above U+00FF becomes '?', which the decoder refuses
		byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
		ByteBuffer binary;
		try {
			binary = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (binary.remaining() != expectedLength) {
			return null;
		}
		byte[] array = binary.array();
		return (binary.arrayOffset() == 0 && array.length == expectedLength) ? array : Arrays.copyOfRange(array,
				binary.arrayOffset() + binary.position(), binary.arrayOffset() + binary.limit());
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
