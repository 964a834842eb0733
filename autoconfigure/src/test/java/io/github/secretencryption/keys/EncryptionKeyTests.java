package io.github.secretencryption.keys;

import java.nio.file.Path;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link EncryptionKey}.
 */
class EncryptionKeyTests {

	private static final SecureRandom random = new SecureRandom();

	@ParameterizedTest
	@ValueSource(ints = { 0, 16, 24, 31, 33, 64 })
	void keyOfAnyLengthButThirtyTwoBytesIsRefused(int length) {
		byte[] bytes = randomBytes(length);
		assertThatIllegalArgumentException().isThrownBy(() -> new EncryptionKey("secret-encryption", bytes, null))
			.withMessage("Key 'secret-encryption' must be 32 bytes long, not " + length);
	}

	@Test
	void keyBytesAreCopied() {
		byte[] bytes = randomBytes(32);
		byte[] original = bytes.clone();
		EncryptionKey key = new EncryptionKey("secret-encryption", bytes, null);
		bytes[0] ^= 1;
		assertThat(key.toSecretKey().getEncoded()).isEqualTo(original);
		assertThat(key.getId()).isEqualTo(KeyId.derive(original));
	}

	@Test
	void secretKeyIsA256BitAesKey() {
		EncryptionKey key = new EncryptionKey("secret-encryption", randomBytes(32), null);
		assertThat(key.toSecretKey().getAlgorithm()).isEqualTo("AES");
		assertThat(key.toSecretKey().getEncoded()).hasSize(32);
	}

	@Test
	void keysWithTheSameBytesAreRecognizedWhateverTheirName() {
		byte[] bytes = randomBytes(32);
		EncryptionKey key = new EncryptionKey("secret-encryption", bytes, null);
		assertThat(key.hasSameBytesAs(new EncryptionKey("health-check", bytes, null))).isTrue();
		assertThat(key.hasSameBytesAs(new EncryptionKey("secret-encryption", randomBytes(32), null))).isFalse();
	}

	@Test
	void toStringShowsNameIdAndFileButNoKeyBytes() {
		byte[] bytes = randomBytes(32);
		Path file = Path.of("/var/lib/app/keys/secret-encryption.key");
		EncryptionKey key = new EncryptionKey("secret-encryption", bytes, file);
		assertThat(key).hasToString("EncryptionKey[name=secret-encryption, id=" + key.getId() + ", file=" + file + "]");
		assertThat(new EncryptionKey("secret-encryption", bytes, null))
			.hasToString("EncryptionKey[name=secret-encryption, id=" + key.getId() + "]");
		assertThat(key.toString()).doesNotContain(KeyMaterial.representations(bytes));
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

}
