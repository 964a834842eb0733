package io.github.secretencryption.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every format version, up to the one the encryptor writes, keeps its frozen set of
 * golden vectors, so that a new version adds a set and never replaces one.
 */
class GoldenVectorVersionsTests {

	@Test
	void everyFormatVersionUpToTheCurrentOneHasGoldenVectors() {
		assertThat(AesGcmEncryptor.PREFIX).matches("se[1-9][0-9]*:");
		int current = Integer.parseInt(AesGcmEncryptor.PREFIX.substring(2, AesGcmEncryptor.PREFIX.length() - 1));
		for (int version = 1; version <= current; version++) {
			assertThat(getClass().getResource("/golden-vectors/v" + version + ".properties"))
				.as("golden vectors of format version %d", version)
				.isNotNull();
		}
	}

}
