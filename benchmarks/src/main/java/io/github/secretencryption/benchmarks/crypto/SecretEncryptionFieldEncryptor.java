package io.github.secretencryption.benchmarks.crypto;

import java.util.List;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyRing;

/**
 * This project's {@link AesGcmEncryptor}, built as the auto-configuration builds it.
 */
final class SecretEncryptionFieldEncryptor implements FieldEncryptor {

	static final String NAME = "secret-encryption";

	private static final String KEY_NAME = "secret-encryption";

	private final AesGcmEncryptor encryptor = new AesGcmEncryptor(
			KeyRing.of(List.of(new EncryptionKey(KEY_NAME, Fixtures.randomBytes(EncryptionKey.LENGTH), null))));

	@Override
	public String encrypt(String plaintext) {
		return this.encryptor.encrypt(KEY_NAME, plaintext, Fixtures.ASSOCIATED_DATA);
	}

	@Override
	public String decrypt(String stored) {
		return this.encryptor.decrypt(KEY_NAME, stored, Fixtures.ASSOCIATED_DATA);
	}

}
