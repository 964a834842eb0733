package io.github.secretencryption.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds the key of configuration values to {@code secret-encryption.keys} when the starter
 * provides Jasypt's encryptor, so that the key is created, loaded and checked like every
 * other key: by the key ring, {@code verify-keys}, the health contributor and the key id
 * records. It runs after the configuration files are read, and puts the whole list,
 * configured names first, into a property source of its own named
 * {@value #PROPERTY_SOURCE_NAME}.
 *
 * @since 0.1.0
 */
public final class ConfigKeyEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * Name of the property source that holds the extended key list.
	 */
	public static final String PROPERTY_SOURCE_NAME = "secretEncryptionConfigKey";

	private static final String KEYS_PROPERTY = "secret-encryption.keys";

	private final Log logger;

	/**
	 * Create a post-processor.
	 * @param logFactory factory of the log, which Spring Boot replays once logging is set
	 * up
	 */
	public ConfigKeyEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(ConfigKeyEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String keyName = EncryptedConfigValues.keyName(environment, application.getClassLoader());
		if (keyName == null) {
			this.logger.debug("Encrypted configuration values are off; no key added to " + KEYS_PROPERTY);
			return;
		}
		List<String> keys = Binder.get(environment)
			.bind(KEYS_PROPERTY, Bindable.listOf(String.class))
			.orElseGet(() -> new SecretEncryptionProperties().getKeys());
		if (keys.contains(keyName)) {
			this.logger.debug("Key '" + keyName + "' of configuration values is already in " + KEYS_PROPERTY);
			return;
		}
		List<String> extended = new ArrayList<>(keys);
		extended.add(keyName);
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(KEYS_PROPERTY, String.join(",", extended))));
		this.logger.debug("Added key '" + keyName + "' of configuration values to " + KEYS_PROPERTY);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
