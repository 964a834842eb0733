package io.github.secretencryption.jasypt;

import org.jasypt.encryption.pbe.StandardPBEStringEncryptor;
import org.jasypt.iv.RandomIvGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link LegacyPbeDecryptor}.
 */
class LegacyPbeDecryptorTests {

	private static final String PASSWORD = "legacy master password";

	@Test
	void decryptsWhatJasyptsEncryptorWroteWithTheLibrarysDefaults() {
		StandardPBEStringEncryptor jasypt = new StandardPBEStringEncryptor();
		jasypt.setPassword(PASSWORD);
		String stored = jasypt.encrypt("smtp pässword");
		assertThat(defaults(PASSWORD).decrypt(stored)).isEqualTo("smtp pässword");
	}

	@Test
	void decryptsWithOtherSettingsSuchAsJasyptSpringBootsDefaultsInHexadecimal() {
		StandardPBEStringEncryptor jasypt = new StandardPBEStringEncryptor();
		jasypt.setPassword(PASSWORD);
		jasypt.setAlgorithm("PBEWITHHMACSHA512ANDAES_256");
		jasypt.setIvGenerator(new RandomIvGenerator());
		jasypt.setStringOutputType("hexadecimal");
		String stored = jasypt.encrypt("client-secret");
		LegacyPbeDecryptor decryptor = new LegacyPbeDecryptor(PASSWORD, "PBEWITHHMACSHA512ANDAES_256", 1000,
				"org.jasypt.iv.RandomIvGenerator", LegacyPbeDecryptor.DEFAULT_SALT_GENERATOR, "hexadecimal", null);
		assertThat(decryptor.decrypt(stored)).isEqualTo("client-secret");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults(PASSWORD).decrypt(stored));
	}

	@Test
	void refusesAValueWrittenWithAnotherPasswordWithoutNamingValueOrPassword() {
		LegacyPbeDecryptor decryptor = defaults(PASSWORD);
		StandardPBEStringEncryptor other = new StandardPBEStringEncryptor();
		other.setPassword("wrong-pw-7Q");
		// with DES a wrong password passes the padding check now and then and decrypts to
		// noise, which must be refused too: try many values
		for (int i = 0; i < 2000; i++) {
			String stored = other.encrypt("secret-" + i);
			assertThatIllegalArgumentException().isThrownBy(() -> decryptor.decrypt(stored))
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(stored)
					.doesNotContain(PASSWORD)
					.doesNotContain("wrong-pw-7Q")
					.contains("PBEWithMD5AndDES"))
				.withNoCause();
		}
	}

	@Test
	void refusesAValueThatIsNotJasyptOutput() {
		assertThatIllegalArgumentException().isThrownBy(() -> defaults(PASSWORD).decrypt("plain text, not Base64!"))
			.withMessageStartingWith("cannot be decrypted with the configured Jasypt password and settings")
			.withNoCause();
	}

	@Test
	void refusesAnUnknownAlgorithmAtOnce() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LegacyPbeDecryptor(PASSWORD, "PBEWithNothing", 1000,
					LegacyPbeDecryptor.DEFAULT_IV_GENERATOR, LegacyPbeDecryptor.DEFAULT_SALT_GENERATOR, "base64", null))
			.withMessage("Algorithm 'PBEWithNothing' cannot be used: it is unknown to this Java runtime or not a "
					+ "password-based algorithm");
	}

	@Test
	void refusesAnIvGeneratorThatIsNotOne() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LegacyPbeDecryptor(PASSWORD, LegacyPbeDecryptor.DEFAULT_ALGORITHM, 1000,
					"java.lang.String", LegacyPbeDecryptor.DEFAULT_SALT_GENERATOR, "base64", null))
			.withMessage("IV generator 'java.lang.String' cannot be created: give the name of a class that implements "
					+ "org.jasypt.iv.IvGenerator and has a public constructor without arguments");
	}

	@Test
	void refusesAnEmptyPasswordAndTooFewIterations() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LegacyPbeDecryptor("", LegacyPbeDecryptor.DEFAULT_ALGORITHM, 1000,
					LegacyPbeDecryptor.DEFAULT_IV_GENERATOR, LegacyPbeDecryptor.DEFAULT_SALT_GENERATOR, "base64", null))
			.withMessage("Password must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LegacyPbeDecryptor(PASSWORD, LegacyPbeDecryptor.DEFAULT_ALGORITHM, 0,
					LegacyPbeDecryptor.DEFAULT_IV_GENERATOR, LegacyPbeDecryptor.DEFAULT_SALT_GENERATOR, "base64", null))
			.withMessage("Iterations must be at least 1, not 0");
	}

	@Test
	void showsItsSettingsButNeverThePassword() {
		assertThat(defaults(PASSWORD)).hasToString("LegacyPbeDecryptor[PBEWithMD5AndDES, 1000 iterations, "
				+ "org.jasypt.iv.NoIvGenerator, org.jasypt.salt.RandomSaltGenerator, base64]");
	}

	private static LegacyPbeDecryptor defaults(String password) {
		return new LegacyPbeDecryptor(password, LegacyPbeDecryptor.DEFAULT_ALGORITHM,
				LegacyPbeDecryptor.DEFAULT_ITERATIONS, LegacyPbeDecryptor.DEFAULT_IV_GENERATOR,
				LegacyPbeDecryptor.DEFAULT_SALT_GENERATOR, LegacyPbeDecryptor.DEFAULT_STRING_OUTPUT_TYPE, null);
	}

}
