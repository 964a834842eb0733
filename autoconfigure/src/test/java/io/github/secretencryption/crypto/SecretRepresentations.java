package io.github.secretencryption.crypto;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The ways key bytes could leak into text: hexadecimal in either case and Base64 in its
 * common alphabets, with and without padding.
 */
final class SecretRepresentations {

	private SecretRepresentations() {
	}

	static List<String> of(byte[] bytes) {
		String hex = HexFormat.of().formatHex(bytes);
		List<String> representations = new ArrayList<>();
		representations.add(hex);
		representations.add(hex.toUpperCase(Locale.ROOT));
		representations.add(Base64.getEncoder().encodeToString(bytes));
		representations.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
		representations.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
		return representations;
	}

}
