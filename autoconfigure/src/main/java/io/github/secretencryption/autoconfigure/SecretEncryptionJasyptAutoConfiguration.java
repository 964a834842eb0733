package io.github.secretencryption.autoconfigure;

import com.ulisesbocchio.jasyptspringboot.EncryptablePropertySource;
import io.github.secretencryption.jasypt.AesGcmStringEncryptor;
import org.jasypt.encryption.StringEncryptor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Auto-configuration of encrypted configuration values: when Jasypt's Spring Boot starter
 * is on the class path, provides the {@code jasyptStringEncryptor} bean that it decrypts
 * {@code ENC(...)} values with, backed by AES-256-GCM under the key of configuration
 * values ({@code secret-encryption.config.key-name}).
 * <p>
 * The key is loaded, and every encrypted value in every property source decrypted once,
 * before any bean exists, so that a value that cannot be decrypted stops startup with a
 * message naming the property and its source, and so that a DataSource password can be
 * encrypted: the encryptor needs neither JPA nor the DataSource, nor any other bean. It
 * backs off when the application defines its own {@code jasyptStringEncryptor} bean, when
 * {@code jasypt.encryptor.bean} names another bean, or when
 * {@code secret-encryption.config.enabled} is {@code false}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = SecretEncryptionAutoConfiguration.class)
@ConditionalOnClass({ StringEncryptor.class, EncryptablePropertySource.class })
@ConditionalOnBooleanProperty(name = SecretEncryptionConfigProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnProperty(name = EncryptedConfigValues.ENCRYPTOR_BEAN_PROPERTY,
		havingValue = EncryptedConfigValues.ENCRYPTOR_BEAN_NAME, matchIfMissing = true)
@EnableConfigurationProperties(SecretEncryptionConfigProperties.class)
public final class SecretEncryptionJasyptAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = EncryptedConfigValues.ENCRYPTOR_BEAN_NAME)
	static ConfigValueEncryptorLoader secretEncryptionConfigValueEncryptorLoader(ConfigurableEnvironment environment) {
		return new ConfigValueEncryptorLoader(environment);
	}

	@Bean(EncryptedConfigValues.ENCRYPTOR_BEAN_NAME)
	@ConditionalOnMissingBean(name = EncryptedConfigValues.ENCRYPTOR_BEAN_NAME)
	AesGcmStringEncryptor jasyptStringEncryptor(ConfigValueEncryptorLoader loader) {
		return loader.getEncryptor();
	}

}
