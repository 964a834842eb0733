package io.github.secretencryption.autoconfigure;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import io.github.secretencryption.autoconfigure.actuate.SecretEncryptionEndpoint;
import io.github.secretencryption.autoconfigure.actuate.SecretEncryptionHealthIndicator;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jpa.EncryptedColumn;
import io.github.secretencryption.jpa.EncryptedColumnRegistry;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyRing;
import io.github.secretencryption.keys.KeyRingReloader;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Auto-configuration of the {@code secretEncryption} health contributor and the
 * {@code secretencryption} Actuator endpoint.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { SecretEncryptionAutoConfiguration.class, SecretEncryptionJpaAutoConfiguration.class,
		DataSourceAutoConfiguration.class })
@ConditionalOnBean(KeyRing.class)
public final class SecretEncryptionActuatorAutoConfiguration {

	private static @Nullable KeyFileStore store(SecretEncryptionProperties properties) {
		Path directory = properties.getKeyDirectory();
		return (directory != null && !properties.isInsecureEphemeralKeys())
				? new KeyFileStore(directory, properties.getKeySource()) : null;
	}

	private static Supplier<List<EncryptedColumn>> columns(ObjectProvider<EncryptedColumnRegistry> registry) {
		return () -> {
			EncryptedColumnRegistry columns = registry.getIfAvailable();
			return (columns != null) ? columns.getColumns() : List.of();
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
	@ConditionalOnEnabledHealthIndicator("secretEncryption")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "secretEncryptionHealthIndicator")
		SecretEncryptionHealthIndicator secretEncryptionHealthIndicator(KeyRing keyRing, AesGcmEncryptor encryptor,
				SecretEncryptionProperties properties, ObjectProvider<EncryptedColumnRegistry> registry,
				ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<KeyRingReloader> reloader) {
			return new SecretEncryptionHealthIndicator(keyRing, store(properties), reloader.getIfAvailable(), encryptor,
					columns(registry), jdbc.getIfAvailable());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
	@ConditionalOnAvailableEndpoint(SecretEncryptionEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SecretEncryptionEndpoint secretEncryptionEndpoint(KeyRing keyRing, SecretEncryptionProperties properties,
				ObjectProvider<EncryptedColumnRegistry> registry, ObjectProvider<KeyRingReloader> reloader) {
			return new SecretEncryptionEndpoint(keyRing, store(properties), reloader.getIfAvailable(),
					columns(registry));
		}

	}

}
