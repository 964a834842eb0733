package io.github.secretencryption.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CanonicalBase64}.
 */
class CanonicalBase64Tests {

	private static final SecureRandom random = new SecureRandom();

	@Test
	void writesWhatJavaUtilBase64WritesAfterAPrefix() {
		byte[] prefix = "se1:".getBytes(StandardCharsets.US_ASCII);
		byte[] text = new byte[CanonicalBase64.encodedLength(3 + 200)];
		for (int length = 0; length <= 200; length++) {
			byte[] binary = randomBytes(length);
			byte[] buffer = new byte[3 + length];
			random.nextBytes(buffer);
			System.arraycopy(binary, 0, buffer, 3, length);
			String written = CanonicalBase64.encode(prefix, buffer, text);
			assertThat(written).isEqualTo("se1:" + Base64.getEncoder().encodeToString(binary));
		}
	}

	@Test
	void readsWhatJavaUtilBase64WritesAfterAPrefix() {
		for (int length = 0; length <= 200; length++) {
			byte[] binary = randomBytes(length);
			String text = "se1:" + Base64.getEncoder().encodeToString(binary);
			assertThat(CanonicalBase64.decodedLength(text, 4)).isEqualTo(length);
			byte[] target = new byte[3 + length + 5];
			assertThat(CanonicalBase64.decode(text, 4, target)).isEqualTo(length);
			assertThat(Arrays.copyOfRange(target, 3, 3 + length)).isEqualTo(binary);
		}
	}

	@Test
	void refusesTextWithCharactersOutsideTheBasicMultilingualPlaneBeforeOrAfterThePrefix() {
		String pair = "\uD83D\uDE00";
		assertThat(CanonicalBase64.decode(pair + "se" + "AAAA", 4, new byte[16])).isEqualTo(-1);
		assertThat(CanonicalBase64.decode(pair.repeat(6), 8, new byte[16])).isEqualTo(-1);
		assertThat(CanonicalBase64.decode("se1:AAAA" + pair + "AA", 4, new byte[16])).isEqualTo(-1);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 5, 6 })
	void refusesAPrefixThatIsNotWholeGroups(int prefixLength) {
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalBase64.reservedBytes(prefixLength))
			.withMessage("Prefix length must be a multiple of 4, not " + prefixLength);
	}

	@Test
	void refusesEveryTextWithUnusedBitsSet() {
		for (int length = 1; length <= 2; length++) {
			byte[] binary = new byte[length];
			String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
			String canonical = Base64.getEncoder().encodeToString(binary);
			int last = canonical.indexOf('=') - 1;
			for (int digit = 1; digit < ((length == 1) ? 16 : 4); digit++) {
				String text = canonical.substring(0, last) + alphabet.charAt(digit) + canonical.substring(last + 1);
				assertThat(Base64.getDecoder().decode(text)).isEqualTo(binary);
				assertThat(CanonicalBase64.decode(text, 0, new byte[16])).as(text).isEqualTo(-1);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "A", "AA", "AAA", "AAAAA", "AA", "AAAAAA==A" })
	void refusesTextWhoseLengthIsNotAMultipleOfFour(String text) {
		assertThat(CanonicalBase64.decodedLength(text, 0)).isEqualTo(-1);
		assertThat(CanonicalBase64.decode(text, 0, new byte[16])).isEqualTo(-1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "AA=A", "A===", "====", "AAA=AAAA", "AA==AAAA", "=AAA", "AAAA AAA", "AAA\n", "-_-_",
			"AAA!", "AAAé", "AAA\u0100", "AAA\u0141", "AB\u00c3=", "\u0000AAA" })
	void refusesTextWithCharactersOutsideTheAlphabetOrMisplacedPadding(String text) {
		assertThat(CanonicalBase64.decode(text, 0, new byte[16])).as(text).isEqualTo(-1);
		assertThat(CanonicalBase64.decode("se1:" + text, 4, new byte[19])).as(text).isEqualTo(-1);
	}

	@Test
	void acceptsExactlyTheTextsThatJavaUtilBase64WritesAmongAllShortTexts() {
		// Characters that decode to values with and without unused low bits set,
		// padding, characters of other alphabets, whitespace, and characters whose low
		// byte is in the alphabet
		char[] characters = { 'A', 'B', 'Q', 'g', 'w', '0', '+', '/', '=', '-', '_', ' ', '\n', 'é', '\u0141',
				'\u0100' };
		List<String> groups = new ArrayList<>();
		for (char a : characters) {
			for (char b : characters) {
				for (char c : characters) {
					for (char d : characters) {
						groups.add(new String(new char[] { a, b, c, d }));
					}
				}
			}
		}
		for (String group : groups) {
			for (String text : List.of(group, group + "AAAA", "AAAA" + group)) {
				String prefixed = "se1:" + text;
				byte[] target = new byte[3 + 6];
				int length = CanonicalBase64.decode(prefixed, 4, target);
				byte[] expected = canonicalValue(text);
				if (expected == null) {
					assertThat(length).as(text).isEqualTo(-1);
				}
				else {
					assertThat(length).as(text).isEqualTo(expected.length);
					assertThat(Arrays.copyOfRange(target, 3, 3 + length)).as(text).isEqualTo(expected);
				}
			}
		}
	}

	/**
	 * Return the binary value of a text if the text is what java.util.Base64 writes for
	 * it, or {@code null}.
	 */
	private static byte @Nullable [] canonicalValue(String text) {
		try {
			byte[] value = Base64.getDecoder().decode(text);
			return Base64.getEncoder().encodeToString(value).equals(text) ? value : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

}
