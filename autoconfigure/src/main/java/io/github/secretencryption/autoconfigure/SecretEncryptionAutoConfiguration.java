package io.github.secretencryption.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jackson.SecretMasking;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyRing;
import io.github.secretencryption.keys.KeyRingReloader;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the keys and the encryptor. Keys load before, and independently
 * of, JPA and the DataSource; while the application runs they are read again every
 * {@code secret-encryption.key-reload-interval}, and the key ring bean always answers
 * with the newest keys.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@EnableConfigurationProperties(SecretEncryptionProperties.class)
public final class SecretEncryptionAutoConfiguration {

	private static final Log logger = LogFactory.getLog(SecretEncryptionAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(KeyRing.class)
	KeyRingReloader secretEncryptionKeyRingReloader(SecretEncryptionProperties properties) {
		Path directory = properties.getKeyDirectory();
		if (directory == null) {
			throw new KeyDirectoryNotSetException();
		}
		KeyFileStore store = new KeyFileStore(directory, properties.getKeySource());
		KeyRing keyRing = store.loadKeyRing(properties.getKeys());
		for (String name : keyRing.getNames()) {
			EncryptionKey key = keyRing.getPrimary(name);
			List<EncryptionKey> kept = keyRing.getKeys(name).subList(1, keyRing.getKeys(name).size());
			logger.info("Loaded key '" + name + "' with id " + key.getId() + " from " + key.getFile() + (kept.isEmpty()
					? "" : ", and key ids " + kept.stream().map(EncryptionKey::getId).toList() + " for reading"));
		}
		logger.info("Key ring ready in " + store.getDirectory() + ", keys: " + keyRing.getNames().size());
		KeyRingReloader reloader = new KeyRingReloader(store, properties.getKeys(), keyRing);
		Duration interval = properties.getKeyReloadInterval();
		if (!interval.isZero() && !interval.isNegative()) {
			reloader.start(interval);
		}
		else {
			logger.debug("Key reloading is off");
		}
		return reloader;
	}

	@Bean
	@ConditionalOnMissingBean
	KeyRing secretEncryptionKeyRing(KeyRingReloader secretEncryptionKeyRingReloader) {
		return KeyRing.live(secretEncryptionKeyRingReloader);
	}

	@Bean
	@ConditionalOnMissingBean
	SecretMasking secretEncryptionMasking(SecretEncryptionProperties properties) {
		return new SecretMasking(properties.getMasking().getPlaceholder());
	}

	@Bean
	@ConditionalOnMissingBean
	AesGcmEncryptor secretEncryptionEncryptor(KeyRing keyRing) {
		return new AesGcmEncryptor(keyRing);
	}

}
