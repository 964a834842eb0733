package io.github.secretencryption.keys;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link KeyId}.
 */
class KeyIdTests {

	@Test
	void idIsTheFirstFourBytesOfAnHmacOfTheLabel() {
		// HMAC-SHA256(key, "secret-encryption key id") starts with these bytes
		assertThat(KeyId.derive(hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")))
			.isEqualTo(new KeyId(0x69677391));
		assertThat(KeyId.derive(hex("1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100")))
			.isEqualTo(new KeyId(0xd5f47f18));
		assertThat(KeyId.derive(new byte[32])).isEqualTo(new KeyId(0x543d0e0d));
	}

	@Test
	void sameKeyAlwaysHasTheSameId() {
		byte[] key = hex("c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff");
		assertThat(KeyId.derive(key)).isEqualTo(KeyId.derive(key.clone()));
		key[31] ^= 1;
		assertThat(KeyId.derive(key))
			.isNotEqualTo(KeyId.derive(hex("c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff")));
	}

	@Test
	void idIsShownAsEightLowerCaseHexDigits() {
		assertThat(new KeyId(0x69677391)).hasToString("69677391");
		assertThat(new KeyId(0xd5f47f18)).hasToString("d5f47f18");
		assertThat(new KeyId(0xab)).hasToString("000000ab");
		assertThat(new KeyId(0)).hasToString("00000000");
		assertThat(new KeyId(-1)).hasToString("ffffffff");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, -1, 0xab, 0x69677391, 0xd5f47f18, Integer.MIN_VALUE, Integer.MAX_VALUE })
	void parseReadsWhatToStringShows(int value) {
		KeyId id = new KeyId(value);
		assertThat(KeyId.parse(id.toString())).isEqualTo(id);
	}

	@Test
	void parseAcceptsUpperCaseDigits() {
		assertThat(KeyId.parse("D5F47F18")).isEqualTo(new KeyId(0xd5f47f18));
		assertThat(KeyId.parse("D5F47F18")).hasToString("d5f47f18");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "6967739", "696773910", "0x696773", "6967739g", " 6967739", "6967739 ", "+6967739",
			"-6967739", "６９６７７３９１", "٦٩٦٧٧٣٩١", "69677 91" })
	void parseRefusesAnythingButEightHexadecimalDigits(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> KeyId.parse(text))
			.withMessage("Key id must be eight hexadecimal digits, not '" + text + "'");
	}

	private static byte[] hex(String text) {
		return HexFormat.of().parseHex(text);
	}

}
