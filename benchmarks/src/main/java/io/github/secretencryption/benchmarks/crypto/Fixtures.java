package io.github.secretencryption.benchmarks.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Keys, passwords and associated data shared by the field encryptors.
 */
final class Fixtures {

	/**
	 * Associated data of the encryptors that take it: a column's {@code table.column}.
	 */
	static final byte[] ASSOCIATED_DATA = "credentials.password".getBytes(StandardCharsets.UTF_8);

	private static final SecureRandom random = new SecureRandom();

	private Fixtures() {
	}

	static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	static String randomPassword() {
		return randomAscii(32);
	}

	/**
	 * Return printable ASCII text, so that characters and UTF-8 bytes are the same count.
	 * @param length the length
	 * @return the text
	 */
	static String randomAscii(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) ('!' + random.nextInt('~' - '!' + 1)));
		}
		return text.toString();
	}

}
