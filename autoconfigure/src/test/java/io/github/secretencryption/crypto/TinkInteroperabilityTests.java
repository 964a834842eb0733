package io.github.secretencryption.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.secretencryption.UnknownKeyIdException;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyId;
import io.github.secretencryption.keys.KeyRing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that format version 1 is Tink's AES-GCM output with a TINK prefix: Google Tink
 * decrypts what {@link AesGcmEncryptor} writes, and the other way round, given the same
 * raw key and key id.
 */
class TinkInteroperabilityTests {

	private static final String KEY_NAME = "secret-encryption";

	private static final byte[] ASSOCIATED_DATA = "users.password".getBytes(StandardCharsets.UTF_8);

	private final SecureRandom random = new SecureRandom();

	@BeforeAll
	static void registerTink() throws GeneralSecurityException {
		AeadConfig.register();
	}

	static List<String> plaintexts() {
		return List.of("", "x", "pässwörd-密码-🔑", "0123456789abcdef".repeat(1024));
	}

	@ParameterizedTest
	@MethodSource("plaintexts")
	void valueWrittenByUsDecryptsInTink(String plaintext) throws GeneralSecurityException {
		EncryptionKey key = newKey();
		String value = new AesGcmEncryptor(KeyRing.of(List.of(key))).encrypt(KEY_NAME, plaintext, ASSOCIATED_DATA);
		byte[] binary = Base64.getDecoder().decode(value.substring(AesGcmEncryptor.PREFIX.length()));
		byte[] decrypted = tink(key).decrypt(binary, ASSOCIATED_DATA);
		assertThat(new String(decrypted, StandardCharsets.UTF_8)).isEqualTo(plaintext);
	}

	@ParameterizedTest
	@MethodSource("plaintexts")
	void valueWrittenByTinkDecryptsWithUs(String plaintext) throws GeneralSecurityException {
		EncryptionKey key = newKey();
		byte[] binary = tink(key).encrypt(plaintext.getBytes(StandardCharsets.UTF_8), ASSOCIATED_DATA);
		AesGcmEncryptor encryptor = new AesGcmEncryptor(KeyRing.of(List.of(key)));
		String value = AesGcmEncryptor.PREFIX + Base64.getEncoder().encodeToString(binary);
		assertThat(encryptor.decrypt(KEY_NAME, value, ASSOCIATED_DATA)).isEqualTo(plaintext);
		assertThat(encryptor.decrypt(KEY_NAME, binary, ASSOCIATED_DATA))
			.isEqualTo(plaintext.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void tinkWritesTheSameMarkerKeyIdAndLength() throws GeneralSecurityException {
		EncryptionKey key = newKey();
		byte[] plaintext = "x".getBytes(StandardCharsets.UTF_8);
		byte[] ours = new AesGcmEncryptor(KeyRing.of(List.of(key))).encrypt(KEY_NAME, plaintext, ASSOCIATED_DATA);
		byte[] theirs = tink(key).encrypt(plaintext, ASSOCIATED_DATA);
		assertThat(theirs).hasSameSizeAs(ours);
		assertThat(Arrays.copyOf(theirs, 5)).isEqualTo(Arrays.copyOf(ours, 5));
	}

	@Test
	void keyIdWithItsHighBitSetWorksBothWays() throws GeneralSecurityException {
		EncryptionKey key = newKey();
		while (key.getId().value() >= 0) {
			key = newKey();
		}
		byte[] plaintext = "pässwörd".getBytes(StandardCharsets.UTF_8);
		AesGcmEncryptor encryptor = new AesGcmEncryptor(KeyRing.of(List.of(key)));
		Aead tink = tink(key);
		assertThat(tink.decrypt(encryptor.encrypt(KEY_NAME, plaintext, ASSOCIATED_DATA), ASSOCIATED_DATA))
			.isEqualTo(plaintext);
		assertThat(encryptor.decrypt(KEY_NAME, tink.encrypt(plaintext, ASSOCIATED_DATA), ASSOCIATED_DATA))
			.isEqualTo(plaintext);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.github.secretencryption.crypto.GoldenVectorsTests#vectors")
	void goldenVectorDecryptsInTink(GoldenVector vector) throws GeneralSecurityException {
		byte[] binary = Base64.getDecoder().decode(vector.output().substring(AesGcmEncryptor.PREFIX.length()));
		byte[] decrypted = tink(vector.encryptionKey()).decrypt(binary, vector.associatedDataBytes());
		assertThat(decrypted).isEqualTo(vector.plaintext());
	}

	@Test
	void associatedDataIsBoundTheSameWayAsInTink() throws GeneralSecurityException {
		EncryptionKey key = newKey();
		byte[] other = "users.api_token".getBytes(StandardCharsets.UTF_8);
		byte[] ours = new AesGcmEncryptor(KeyRing.of(List.of(key))).encrypt(KEY_NAME, new byte[] { 1 },
				ASSOCIATED_DATA);
		assertThatExceptionOfType(GeneralSecurityException.class).isThrownBy(() -> tink(key).decrypt(ours, other));
	}

	@Test
	void valueWrittenByTinkUnderAnotherKeyIdIsUnknownToUs() throws GeneralSecurityException {
		EncryptionKey key = newKey();
		KeyId otherId = new KeyId(key.getId().value() + 1);
		byte[] theirs = tink(key, otherId).encrypt(new byte[] { 1 }, ASSOCIATED_DATA);
		AesGcmEncryptor encryptor = new AesGcmEncryptor(KeyRing.of(List.of(key)));
		assertThatExceptionOfType(UnknownKeyIdException.class)
			.isThrownBy(() -> encryptor.decrypt(KEY_NAME, theirs, ASSOCIATED_DATA))
			.withMessageContaining(otherId.toString());
	}

	private EncryptionKey newKey() {
		byte[] bytes = new byte[EncryptionKey.LENGTH];
		this.random.nextBytes(bytes);
		return new EncryptionKey(KEY_NAME, bytes, null);
	}

	private static Aead tink(EncryptionKey key) throws GeneralSecurityException {
		return tink(key, key.getId());
	}

	private static Aead tink(EncryptionKey key, KeyId id) throws GeneralSecurityException {
		AesGcmParameters parameters = AesGcmParameters.builder()
			.setKeySizeBytes(32)
			.setIvSizeBytes(12)
			.setTagSizeBytes(16)
			.setVariant(AesGcmParameters.Variant.TINK)
			.build();
		AesGcmKey tinkKey = AesGcmKey.builder()
			.setParameters(parameters)
			.setKeyBytes(SecretBytes.copyFrom(key.toSecretKey().getEncoded(), InsecureSecretKeyAccess.get()))
			.setIdRequirement(id.value())
			.build();
		KeysetHandle handle = KeysetHandle.newBuilder()
			.addEntry(KeysetHandle.importKey(tinkKey).withFixedId(id.value()).makePrimary())
			.build();
		return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
	}

}
