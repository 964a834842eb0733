package io.github.secretencryption.autoconfigure;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jasypt.AesGcmStringEncryptor;
import io.github.secretencryption.jasypt.ConfigValueEncryptor;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyRing;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Loads the key of configuration values from the key directory and decrypts every
 * encrypted value once, while the bean factory is post-processed: before Jasypt wraps the
 * property sources and before any bean exists.
 * <p>
 * Jasypt decrypts a value whenever Spring Boot reads it, and Spring Boot reads every
 * environment variable as soon as anything binds properties. An encryptor that waited for
 * the key ring bean would be asked to decrypt while that bean is being bound, a cycle.
 * This one depends on the environment and the key file only. The key ring loads the same
 * file again, so that the key is checked and reported like every other key.
 */
final class ConfigValueEncryptorLoader implements BeanFactoryPostProcessor, PriorityOrdered {

	private static final Log logger = LogFactory.getLog(ConfigValueEncryptorLoader.class);

	private final ConfigurableEnvironment environment;

	private @Nullable AesGcmStringEncryptor encryptor;

	ConfigValueEncryptorLoader(ConfigurableEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		Binder binder = Binder.get(this.environment);
		SecretEncryptionProperties properties = binder.bindOrCreate("secret-encryption",
				SecretEncryptionProperties.class);
		String keyName = binder
			.bindOrCreate(SecretEncryptionConfigProperties.PREFIX, SecretEncryptionConfigProperties.class)
			.getKeyName();
		KeyRing keyRing = loadKeys(properties, keyName, this.environment);
		logger.debug("Loaded key '" + keyName + "' with id " + keyRing.getPrimary(keyName).getId()
				+ " for configuration values");
		ConfigValueEncryptor configValues = new ConfigValueEncryptor(new AesGcmEncryptor(keyRing), keyName);
		new EncryptedPropertyCheck(configValues).check(this.environment);
		this.encryptor = new AesGcmStringEncryptor(configValues);
	}

	/**
	 * Load the primary key of configuration values and every key kept for reading beside
	 * it, so that values written before a rotation still decrypt.
	 */
	private static KeyRing loadKeys(SecretEncryptionProperties properties, String keyName,
			ConfigurableEnvironment environment) {
		Path directory = properties.getKeyDirectory();
		if (directory == null && !properties.isInsecureEphemeralKeys() && hasEncryptedValues(environment)) {
			throw new KeyDirectoryNotSetException();
		}
		if (directory == null || properties.isInsecureEphemeralKeys()) {
			// Nothing to decrypt, or test keys: a key that lives only as long as this
			// process
			byte[] bytes = new byte[EncryptionKey.LENGTH];
			new SecureRandom().nextBytes(bytes);
			try {
				return KeyRing.of(List.of(new EncryptionKey(keyName, bytes, null)));
			}
			finally {
				Arrays.fill(bytes, (byte) 0);
			}
		}
		return new KeyFileStore(directory, properties.getKeySource()).loadKeyRing(List.of(keyName));
	}

	private static boolean hasEncryptedValues(ConfigurableEnvironment environment) {
		for (org.springframework.core.env.PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof org.springframework.core.env.EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (enumerable.getProperty(name) instanceof CharSequence value
							&& value.toString().contains("ENC(")) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * Return the encryptor of configuration values.
	 * @return the encryptor
	 * @throws IllegalStateException if the bean factory was not post-processed yet
	 */
	AesGcmStringEncryptor getEncryptor() {
		if (this.encryptor == null) {
			throw new IllegalStateException("Key of configuration values is not loaded yet");
		}
		return this.encryptor;
	}

	@Override
	public int getOrder() {
		return HIGHEST_PRECEDENCE;
	}

}
