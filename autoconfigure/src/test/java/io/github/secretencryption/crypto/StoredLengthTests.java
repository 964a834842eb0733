package io.github.secretencryption.crypto;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.secretencryption.jpa.EncryptedColumn;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyRing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The length of a stored value, as documented in FORMAT.md, agrees with what the
 * encryptor writes.
 */
class StoredLengthTests {

	private final AesGcmEncryptor encryptor = new AesGcmEncryptor(
			KeyRing.of(List.of(new EncryptionKey("secret-encryption", new byte[32], null))));

	@Test
	void storedLengthIsThePrefixAndTheBase64OfThePlaintextAnd33Bytes() {
		for (int n = 0; n <= 600; n++) {
			String stored = this.encryptor.encrypt("secret-encryption", "x".repeat(n), new byte[0]);
			assertThat(AesGcmEncryptor.storedLength(n)).as("plaintext of %d bytes", n).isEqualTo(stored.length());
			assertThat(stored.length()).isEqualTo(4 + 4 * (int) Math.ceil((n + 33) / 3.0));
		}
	}

	@Test
	void documentedLengthsHold() {
		assertThat(AesGcmEncryptor.storedLength(64)).isEqualTo(136);
		assertThat(AesGcmEncryptor.storedLength(256)).isEqualTo(392);
		assertThat(AesGcmEncryptor.storedLength(1020)).isEqualTo(1408);
		assertThat(AesGcmEncryptor.storedLength(153)).isEqualTo(252);
		assertThat(AesGcmEncryptor.storedLength(154)).isEqualTo(256);
	}

	@Test
	void maxStoredLengthCoversTheWidestPlaintextOfThatManyChars() {
		EncryptedColumn column = new EncryptedColumn("Entity", "attribute", "t", "c", "secret-encryption", "t.c", "id",
				20);
		String threeByteChars = "\u20ac".repeat(20);
		String surrogatePairs = "\ud83d\udd11".repeat(10);
		assertThat(threeByteChars.getBytes(StandardCharsets.UTF_8)).hasSize(60);
		for (String widest : List.of(threeByteChars, surrogatePairs, "a".repeat(20))) {
			assertThat(widest).hasSize(20);
			assertThat(this.encryptor.encrypt("secret-encryption", widest, new byte[0]).length())
				.isLessThanOrEqualTo((int) column.maxStoredLength());
		}
		assertThat(this.encryptor.encrypt("secret-encryption", threeByteChars, new byte[0]).length())
			.isEqualTo((int) column.maxStoredLength());
		assertThat(new EncryptedColumn("E", "a", "t", "c", "k", "t.c", "id").maxStoredLength()).isNegative();
	}

	@Test
	void negativePlaintextLengthIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> AesGcmEncryptor.storedLength(-1))
			.withMessage("Plaintext length must not be negative, not -1");
	}

}
