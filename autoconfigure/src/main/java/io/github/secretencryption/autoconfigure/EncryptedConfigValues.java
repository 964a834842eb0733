package io.github.secretencryption.autoconfigure;

import io.github.secretencryption.jasypt.EncryptedValueSyntax;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.ClassUtils;

/**
 * Decides whether encrypted configuration values ({@code ENC(...)}) are on, under which
 * key name, and how they are marked. The auto-configuration, the environment
 * post-processor that adds the key to the loaded keys, and the {@code encrypt-value}
 * command all decide through this class, so they never disagree.
 *
 * @since 0.1.0
 */
public final class EncryptedConfigValues {

	/**
	 * Name of the bean that Jasypt's Spring Boot starter decrypts with.
	 */
	public static final String ENCRYPTOR_BEAN_NAME = "jasyptStringEncryptor";

	/**
	 * Property that makes Jasypt's Spring Boot starter decrypt with another bean.
	 */
	public static final String ENCRYPTOR_BEAN_PROPERTY = "jasypt.encryptor.bean";

	static final String JASYPT_ENCRYPTOR_CLASS = "org.jasypt.encryption.StringEncryptor";

	static final String JASYPT_SPRING_BOOT_CLASS = "com.ulisesbocchio.jasyptspringboot.EncryptablePropertySource";

	private EncryptedConfigValues() {
	}

	/**
	 * Whether Jasypt and its Spring Boot integration are on the class path.
	 * @param classLoader the class loader to look in
	 * @return {@code true} if both are present
	 */
	public static boolean isJasyptPresent(@Nullable ClassLoader classLoader) {
		return ClassUtils.isPresent(JASYPT_ENCRYPTOR_CLASS, classLoader)
				&& ClassUtils.isPresent(JASYPT_SPRING_BOOT_CLASS, classLoader);
	}

	/**
	 * Return the key name of configuration values when the starter provides Jasypt's
	 * encryptor: Jasypt is on the class path, {@code secret-encryption.config.enabled} is
	 * not {@code false}, and {@code jasypt.encryptor.bean} names no other bean.
	 * @param environment the environment
	 * @param classLoader the application's class loader
	 * @return the key name, or {@code null} if the starter does not provide the encryptor
	 */
	public static @Nullable String keyName(Environment environment, @Nullable ClassLoader classLoader) {
		if (!isJasyptPresent(classLoader)) {
			return null;
		}
		SecretEncryptionConfigProperties properties = Binder.get(environment)
			.bindOrCreate(SecretEncryptionConfigProperties.PREFIX, SecretEncryptionConfigProperties.class);
		if (!properties.isEnabled()
				|| !ENCRYPTOR_BEAN_NAME.equals(environment.getProperty(ENCRYPTOR_BEAN_PROPERTY, ENCRYPTOR_BEAN_NAME))) {
			return null;
		}
		return properties.getKeyName();
	}

	/**
	 * Return how encrypted values are marked: Jasypt's {@code ENC(...)}, or the prefix
	 * and suffix set in {@code jasypt.encryptor.property.prefix} and
	 * {@code jasypt.encryptor.property.suffix}.
	 * @param properties the properties to read
	 * @return the syntax
	 */
	public static EncryptedValueSyntax syntax(PropertyResolver properties) {
		EncryptedValueSyntax defaults = EncryptedValueSyntax.DEFAULT;
		return new EncryptedValueSyntax(properties.getProperty("jasypt.encryptor.property.prefix", defaults.prefix()),
				properties.getProperty("jasypt.encryptor.property.suffix", defaults.suffix()));
	}

}
