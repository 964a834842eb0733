package io.github.secretencryption.keys;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link KeyRing}.
 */
class KeyRingTests {

	private static final SecureRandom random = new SecureRandom();

	private final byte[] keyBytes = randomKeyBytes();

	private final byte[] otherKeyBytes = randomKeyBytes();

	private final EncryptionKey key = new EncryptionKey("secret-encryption", this.keyBytes, null);

	private final EncryptionKey other = new EncryptionKey("health-check", this.otherKeyBytes, null);

	private final KeyRing keyRing = KeyRing.of(List.of(this.key, this.other));

	@Test
	void namesAreKeptInConfigurationOrder() {
		assertThat(this.keyRing.getNames()).containsExactly("secret-encryption", "health-check");
		assertThat(this.keyRing.contains("health-check")).isTrue();
		assertThat(this.keyRing.contains("billing")).isFalse();
	}

	@Test
	void namesCannotBeChanged() {
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.keyRing.getNames().remove("secret-encryption"));
	}

	@Test
	void eachNameHasItsPrimaryKey() {
		assertThat(this.keyRing.getPrimary("secret-encryption")).isSameAs(this.key);
		assertThat(this.keyRing.getPrimary("health-check")).isSameAs(this.other);
		assertThat(this.keyRing.getKeys("secret-encryption")).containsExactly(this.key);
	}

	@Test
	void keyIsFoundByNameAndId() {
		assertThat(this.keyRing.find("secret-encryption", this.key.getId())).isSameAs(this.key);
		assertThat(this.keyRing.find("secret-encryption", new KeyId(this.key.getId().value() + 1))).isNull();
	}

	@Test
	void namesAreKeptApart() {
		assertThat(this.keyRing.find("secret-encryption", this.other.getId())).isNull();
		assertThat(this.keyRing.find("health-check", this.key.getId())).isNull();
	}

	@Test
	void unknownNameIsRefusedWithTheConfiguredNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.keyRing.getPrimary("billing"))
			.withMessage("No key is named 'billing'; configured key names are [secret-encryption, health-check]");
		assertThatIllegalArgumentException().isThrownBy(() -> this.keyRing.find("billing", this.key.getId()));
		assertThatIllegalArgumentException().isThrownBy(() -> this.keyRing.getKeys("billing"));
	}

	@Test
	void nameGivenTwiceIsRefused() {
		EncryptionKey again = new EncryptionKey("secret-encryption", randomKeyBytes(), null);
		assertThatIllegalArgumentException().isThrownBy(() -> KeyRing.of(List.of(this.key, again)))
			.withMessage("Key name 'secret-encryption' is given more than once");
	}

	@Test
	void twoNamesWithTheSameKeyAreRefused() {
		EncryptionKey copy = new EncryptionKey("health-check", this.keyBytes, Path.of("/keys/health-check.key"));
		assertThatIllegalArgumentException().isThrownBy(() -> KeyRing.of(List.of(this.key, copy)))
			.withMessage("Keys 'secret-encryption' and 'health-check' (/keys/health-check.key) are the same key; each "
					+ "key name needs a key of its own");
	}

	@Test
	void twoNamesWithDifferentKeysOfTheSameIdAreRefused() {
		EncryptionKey first = new EncryptionKey("secret-encryption",
				HexFormat.of().parseHex("9af666a91df3e31f6647437755ff53cafc921ba19e70198375a938dc9395b6ff"), null);
		EncryptionKey second = new EncryptionKey("health-check",
				HexFormat.of().parseHex("94670aa58cf85e05f8cde7e458419b3657cc4e13fd9e690fdcb0168f3bd1444d"), null);
		assertThatIllegalArgumentException().isThrownBy(() -> KeyRing.of(List.of(first, second)))
			.withMessage("Keys 'secret-encryption' and 'health-check' have the same key id 487a5140; each key name "
					+ "needs a key of its own");
	}

	@Test
	void toStringShowsNamesAndIdsButNoKeyBytes() {
		assertThat(this.keyRing.toString()).contains("secret-encryption", this.key.getId().toString(), "health-check",
				this.other.getId().toString());
		assertThat(this.keyRing.toString()).doesNotContain(KeyMaterial.representations(this.keyBytes))
			.doesNotContain(KeyMaterial.representations(this.otherKeyBytes));
	}

	private static byte[] randomKeyBytes() {
		byte[] bytes = new byte[EncryptionKey.LENGTH];
		random.nextBytes(bytes);
		return bytes;
	}

}
