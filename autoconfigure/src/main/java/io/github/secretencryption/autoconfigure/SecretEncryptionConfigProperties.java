package io.github.secretencryption.autoconfigure;

import io.github.secretencryption.jasypt.ConfigValueEncryptor;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of encrypted configuration values ({@code ENC(...)}), which
 * apply when Jasypt's Spring Boot starter is on the class path.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(SecretEncryptionConfigProperties.PREFIX)
public class SecretEncryptionConfigProperties {

	static final String PREFIX = "secret-encryption.config";

	/**
	 * Whether to provide Jasypt's 'jasyptStringEncryptor' bean and add its key to the
	 * loaded keys when Jasypt's Spring Boot starter is on the class path.
	 */
	private boolean enabled = true;

	/**
	 * Name of the key that encrypts configuration values; it lives in
	 * '<key-directory>/<key-name>.key' and is added to 'secret-encryption.keys'.
	 */
	private String keyName = ConfigValueEncryptor.DEFAULT_KEY_NAME;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getKeyName() {
		return this.keyName;
	}

	public void setKeyName(String keyName) {
		this.keyName = keyName;
	}

}
