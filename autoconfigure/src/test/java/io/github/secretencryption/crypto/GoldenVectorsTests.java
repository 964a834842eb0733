package io.github.secretencryption.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.secretencryption.keys.KeyId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known-answer tests of format version 1: the frozen vectors in
 * {@code golden-vectors/v1.properties} must keep decrypting, and encrypting with their
 * nonce must give exactly their stored text. A change to the prefix, the byte layout, the
 * key id derivation or the cipher breaks these tests.
 */
class GoldenVectorsTests {

	private static final Path FORMAT_DOCUMENT = Path.of("..", "docs", "FORMAT.md");

	static List<GoldenVector> vectors() {
		return GoldenVector.load();
	}

	@Test
	void vectorsCoverEmptyOneCharacterMultiByteAndLongPlaintexts() {
		List<GoldenVector> vectors = vectors();
		assertThat(vectors).anySatisfy((vector) -> assertThat(vector.plaintext()).isEmpty());
		assertThat(vectors).anySatisfy((vector) -> assertThat(vector.plaintext()).hasSize(1));
		assertThat(vectors).anySatisfy((vector) -> assertThat(vector.plaintextText().codePoints())
			.anySatisfy((codePoint) -> assertThat(codePoint).isGreaterThan(0xffff)));
		assertThat(vectors).anySatisfy((vector) -> assertThat(vector.plaintext()).hasSize(256));
	}

	@Test
	void formatVersionOneConstantsAreUnchanged() {
		assertThat(AesGcmEncryptor.PREFIX).isEqualTo("se1:");
		assertThat(AesGcmEncryptor.OVERHEAD).isEqualTo(33);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void keyIdIsDerivedFromTheKey(GoldenVector vector) {
		assertThat(KeyId.derive(vector.key())).hasToString(vector.keyId());
		assertThat(vector.encryptionKey().getId()).isEqualTo(vector.parsedKeyId());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void storedTextDecryptsToThePlaintext(GoldenVector vector) {
		AesGcmEncryptor encryptor = vector.encryptorWithFixedNonce();
		assertThat(encryptor.decrypt(GoldenVector.KEY_NAME, vector.output(), vector.associatedDataBytes()))
			.isEqualTo(vector.plaintextText());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void encryptingWithTheVectorsNonceGivesExactlyTheStoredText(GoldenVector vector) {
		AesGcmEncryptor encryptor = vector.encryptorWithFixedNonce();
		assertThat(encryptor.encrypt(GoldenVector.KEY_NAME, vector.plaintextText(), vector.associatedDataBytes()))
			.isEqualTo(vector.output());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void storedTextHasTheDocumentedLayout(GoldenVector vector) {
		int n = vector.plaintext().length;
		assertThat(vector.output()).startsWith("se1:");
		assertThat(vector.output()).hasSize(4 + 4 * ((n + 33 + 2) / 3));
		byte[] binary = Base64.getDecoder().decode(vector.output().substring(4));
		assertThat(binary).hasSize(n + 33);
		assertThat(binary[0]).isEqualTo((byte) 0x01);
		assertThat(ByteBuffer.wrap(binary, 1, 4).getInt()).isEqualTo(vector.parsedKeyId().value());
		assertThat(Arrays.copyOfRange(binary, 5, 17)).isEqualTo(vector.nonce());
		assertThat(AesGcmEncryptor.keyIdOf(vector.output())).isEqualTo(vector.parsedKeyId());
		assertThat(AesGcmEncryptor.isEncrypted(vector.output())).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("vectors")
	void formatDocumentShowsTheSameVector(GoldenVector vector) throws IOException {
		assertThat(FORMAT_DOCUMENT).as("format document, relative to the autoconfigure module").isRegularFile();
		String document = Files.readString(FORMAT_DOCUMENT, StandardCharsets.UTF_8);
		assertThat(document).contains(HexFormat.of().formatHex(vector.key()), vector.keyId(),
				HexFormat.of().formatHex(vector.nonce()), vector.associatedData(), vector.output());
		if (vector.plaintext().length <= 64) {
			assertThat(document).contains(vector.plaintextText());
		}
	}

}
