package io.github.secretencryption.benchmarks.crypto;

import org.jasypt.encryption.pbe.PooledPBEStringEncryptor;
import org.jasypt.encryption.pbe.config.SimpleStringPBEConfig;

/**
 * Jasypt configured as jasypt-spring-boot 4.0.4 configures its default string encryptor
 * when only {@code jasypt.encryptor.password} is set (its
 * {@code StringEncryptorBuilder}): {@code PBEWITHHMACSHA512ANDAES_256}, 1000 key
 * obtention iterations, pool size 1, {@code RandomSaltGenerator},
 * {@code RandomIvGenerator}, Base64 output. Every value derives its key from the password
 * and a new random salt.
 */
final class JasyptFieldEncryptor implements FieldEncryptor {

	static final String NAME = "jasypt";

	private final PooledPBEStringEncryptor encryptor = new PooledPBEStringEncryptor();

	JasyptFieldEncryptor() {
		SimpleStringPBEConfig config = new SimpleStringPBEConfig();
		config.setPassword(Fixtures.randomPassword());
		config.setAlgorithm("PBEWITHHMACSHA512ANDAES_256");
		config.setKeyObtentionIterations("1000");
		config.setPoolSize("1");
		config.setProviderName(null);
		config.setProviderClassName(null);
		config.setSaltGeneratorClassName("org.jasypt.salt.RandomSaltGenerator");
		config.setIvGeneratorClassName("org.jasypt.iv.RandomIvGenerator");
		config.setStringOutputType("base64");
		this.encryptor.setConfig(config);
	}

	@Override
	public String encrypt(String plaintext) {
		return this.encryptor.encrypt(plaintext);
	}

	@Override
	public String decrypt(String stored) {
		return this.encryptor.decrypt(stored);
	}

}
