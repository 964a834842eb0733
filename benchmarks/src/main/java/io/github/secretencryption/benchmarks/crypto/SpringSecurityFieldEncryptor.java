package io.github.secretencryption.benchmarks.crypto;

import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;

/**
 * Spring Security crypto's AES-GCM text encryptor, {@code Encryptors.delux}: a 256-bit
 * key derived once from a password and salt, a 16-byte random IV per value, hexadecimal
 * text, no associated data.
 */
final class SpringSecurityFieldEncryptor implements FieldEncryptor {

	static final String NAME = "spring-security";

	private final TextEncryptor encryptor = Encryptors.delux(Fixtures.randomPassword(), "5c0744940b5c369b");

	@Override
	public String encrypt(String plaintext) {
		return this.encryptor.encrypt(plaintext);
	}

	@Override
	public String decrypt(String stored) {
		return this.encryptor.decrypt(stored);
	}

}
