package io.github.secretencryption.jasypt;

import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.github.secretencryption.DecryptionFailedException;
import io.github.secretencryption.NotEncryptedValueException;
import io.github.secretencryption.SecretEncryptionException;
import io.github.secretencryption.UnknownKeyIdException;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyRing;
import org.jasypt.exceptions.EncryptionOperationNotPossibleException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ConfigValueEncryptor} and {@link AesGcmStringEncryptor}.
 */
class ConfigValueEncryptorTests {

	private static final String PLAINTEXT = "db-pässword (with) spaces";

	private static final byte[] KEY = HexFormat.of()
		.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

	private static final byte[] NONCE = HexFormat.of().parseHex("a0a1a2a3a4a5a6a7a8a9aaab");

	private final EncryptionKey configKey = key("config");

	private final AesGcmEncryptor aesGcm = new AesGcmEncryptor(KeyRing.of(List.of(this.configKey, key("other"))));

	private final ConfigValueEncryptor encryptor = new ConfigValueEncryptor(this.aesGcm, "config");

	@Test
	void decryptsWhatItEncryptsWithAFreshNonceEachTime() {
		String first = this.encryptor.encrypt(PLAINTEXT);
		String second = this.encryptor.encrypt(PLAINTEXT);
		assertThat(first).startsWith("se1:").isNotEqualTo(second);
		assertThat(this.encryptor.decrypt(first)).isEqualTo(PLAINTEXT);
		assertThat(this.encryptor.decrypt(second)).isEqualTo(PLAINTEXT);
		assertThat(AesGcmEncryptor.keyIdOf(first)).isEqualTo(this.configKey.getId());
	}

	@Test
	void writesAesGcmOfTheValueWithTheFixedAssociatedData() throws Exception {
		ConfigValueEncryptor fixedNonce = new ConfigValueEncryptor(
				new AesGcmEncryptor(() -> KeyRing.of(List.of(new EncryptionKey("config", KEY, null))),
						new FixedSecureRandom(NONCE)),
				"config");
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(128, NONCE));
		cipher.updateAAD("config-value".getBytes(StandardCharsets.US_ASCII));
		byte[] sealed = cipher.doFinal(PLAINTEXT.getBytes(StandardCharsets.UTF_8));
		byte[] expected = new byte[5 + NONCE.length + sealed.length];
		expected[0] = 0x01;
		System.arraycopy(HexFormat.of().parseHex("69677391"), 0, expected, 1, 4);
		System.arraycopy(NONCE, 0, expected, 5, NONCE.length);
		System.arraycopy(sealed, 0, expected, 5 + NONCE.length, sealed.length);
		assertThat(fixedNonce.encrypt(PLAINTEXT)).isEqualTo("se1:" + Base64.getEncoder().encodeToString(expected));
	}

	@Test
	void keepsConfigurationValuesAndColumnValuesApartUnderTheSameKey() {
		byte[] column = "users.password".getBytes(StandardCharsets.UTF_8);
		String columnValue = this.aesGcm.encrypt("config", PLAINTEXT, column);
		assertThatExceptionOfType(DecryptionFailedException.class).isThrownBy(() -> this.encryptor.decrypt(columnValue))
			.withMessage("Value cannot be decrypted: it is tampered or corrupted, or is not a configuration value "
					+ "(key config, key id " + this.configKey.getId() + ")");
		String configValue = this.encryptor.encrypt(PLAINTEXT);
		assertThatExceptionOfType(DecryptionFailedException.class)
			.isThrownBy(() -> this.aesGcm.decrypt("config", configValue, column));
	}

	@Test
	void refusesEveryFlippedByte() {
		byte[] binary = Base64.getDecoder().decode(this.encryptor.encrypt(PLAINTEXT).substring(4));
		for (int index = 0; index < binary.length; index++) {
			for (int bit = 0; bit < 8; bit++) {
				byte[] flipped = binary.clone();
				flipped[index] ^= (byte) (1 << bit);
				String value = "se1:" + Base64.getEncoder().encodeToString(flipped);
				assertThatExceptionOfType(SecretEncryptionException.class)
					.isThrownBy(() -> this.encryptor.decrypt(value));
			}
		}
	}

	@Test
	void namesAnUnknownKeyIdAsAValueFromAnotherInstall() {
		ConfigValueEncryptor otherInstall = new ConfigValueEncryptor(
				new AesGcmEncryptor(KeyRing.of(List.of(key("config")))), "config");
		String value = otherInstall.encrypt(PLAINTEXT);
		String id = AesGcmEncryptor.keyIdOf(value).toString();
		assertThatExceptionOfType(UnknownKeyIdException.class).isThrownBy(() -> this.encryptor.decrypt(value))
			.withMessage("Value was encrypted under key id " + id + ", which no key named 'config' has: it was made "
					+ "on another install, or the key that made it is no longer in the key directory (key config, key "
					+ "id " + id + ")");
	}

	@Test
	void refusesAValueWithoutTheFormatPrefix() {
		assertThatExceptionOfType(NotEncryptedValueException.class)
			.isThrownBy(() -> this.encryptor.decrypt("nrmZtkF7T0kjG/VodDvBw93Ct8EgjCA+"))
			.withMessage("Value was not made by encrypt-value: it lacks the 'se1:' prefix (a value encrypted with a "
					+ "Jasypt password?) (key config)");
		assertThatExceptionOfType(NotEncryptedValueException.class).isThrownBy(() -> this.encryptor.decrypt("se2:AAAA"))
			.withMessageStartingWith("Value is in format version 2");
	}

	@Test
	void refusesAKeyNameTheKeyRingLacks() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ConfigValueEncryptor(this.aesGcm, "settings"))
			.withMessage("No key is named 'settings'; configured key names are [config, other]");
	}

	@Test
	void jasyptEncryptorThrowsJasyptsExceptionWithoutTheValue() {
		AesGcmStringEncryptor jasypt = new AesGcmStringEncryptor(this.encryptor);
		String value = jasypt.encrypt(PLAINTEXT);
		assertThat(jasypt.decrypt(value)).isEqualTo(PLAINTEXT);
		String truncated = value.substring(0, value.length() - 3);
		assertThatExceptionOfType(EncryptionOperationNotPossibleException.class)
			.isThrownBy(() -> jasypt.decrypt(truncated))
			.withMessage("Value is not an encrypted value: it is not valid Base64 (key config)");
		assertThat(jasypt).hasToString("AesGcmStringEncryptor[key=config]");
		assertThat(this.encryptor).hasToString("ConfigValueEncryptor[key=config]");
	}

	@Test
	void marksValuesTheWayJasyptFindsThem() {
		EncryptedValueSyntax syntax = EncryptedValueSyntax.DEFAULT;
		assertThat(syntax.mark("se1:AAAA")).isEqualTo("ENC(se1:AAAA)");
		assertThat(syntax.isMarked("  ENC(se1:AAAA) ")).isTrue();
		assertThat(syntax.unmark("  ENC(se1:AAAA) ")).isEqualTo("se1:AAAA");
		assertThat(syntax.isMarked("ENC(")).isFalse();
		assertThat(syntax.isMarked("jdbc:h2:mem:x;password=ENC(se1:AAAA)")).isFalse();
		assertThat(new EncryptedValueSyntax("{cipher}", "").isMarked("{cipher}se1:AAAA")).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> new EncryptedValueSyntax("", ")"));
	}

	private static EncryptionKey key(String name) {
		byte[] bytes = new byte[EncryptionKey.LENGTH];
		new SecureRandom().nextBytes(bytes);
		return new EncryptionKey(name, bytes, null);
	}

	/**
	 * Returns the same bytes every time, to fix a nonce. Never use it outside tests.
	 */
	private static final class FixedSecureRandom extends SecureRandom {

		@Serial
		private static final long serialVersionUID = 1L;

		private final byte[] bytes;

		FixedSecureRandom(byte[] bytes) {
			this.bytes = bytes.clone();
		}

		@Override
		public void nextBytes(byte[] output) {
			System.arraycopy(this.bytes, 0, output, 0, output.length);
		}

	}

}
