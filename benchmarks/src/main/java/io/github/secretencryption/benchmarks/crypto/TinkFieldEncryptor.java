package io.github.secretencryption.benchmarks.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Google Tink's AEAD with the {@code AES256_GCM} parameters (12-byte nonce, 16-byte tag,
 * TINK output prefix), the column's associated data, and standard Base64 text.
 */
final class TinkFieldEncryptor implements FieldEncryptor {

	static final String NAME = "tink";

	private final Aead aead;

	TinkFieldEncryptor() {
		try {
			AeadConfig.register();
			this.aead = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
				.getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String encrypt(String plaintext) {
		try {
			byte[] binary = this.aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), Fixtures.ASSOCIATED_DATA);
			return Base64.getEncoder().encodeToString(binary);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String decrypt(String stored) {
		try {
			byte[] plaintext = this.aead.decrypt(Base64.getDecoder().decode(stored), Fixtures.ASSOCIATED_DATA);
			return new String(plaintext, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
