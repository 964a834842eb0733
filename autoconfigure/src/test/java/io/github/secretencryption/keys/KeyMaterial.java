package io.github.secretencryption.keys;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The ways key bytes could leak into text: hexadecimal in either case and Base64 in its
 * common alphabets, with and without padding.
 */
final class KeyMaterial {

	private KeyMaterial() {
	}

	static List<String> representations(byte[] bytes) {
		String hex = HexFormat.of().formatHex(bytes);
		return List.of(hex, hex.toUpperCase(Locale.ROOT), Base64.getEncoder().encodeToString(bytes),
				Base64.getEncoder().withoutPadding().encodeToString(bytes),
				Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

}
