package io.github.secretencryption.autoconfigure;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyRing;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of throwaway keys for tests, active only when
 * {@code secret-encryption.insecure-ephemeral-keys} is {@code true}: one random key per
 * configured key name, held in memory only. The key directory is neither read nor
 * written, so tests, including an application's own {@code @DataJpaTest},
 * {@code @WebMvcTest} and {@code @JsonTest} slices, need no key directory and never touch
 * a real one. Every value encrypted with these keys is unreadable once the application
 * stops.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = SecretEncryptionAutoConfiguration.class)
@ConditionalOnBooleanProperty("secret-encryption.insecure-ephemeral-keys")
@EnableConfigurationProperties(SecretEncryptionProperties.class)
public final class InsecureEphemeralKeysAutoConfiguration {

	private static final Log logger = LogFactory.getLog(InsecureEphemeralKeysAutoConfiguration.class);

	@Bean
	KeyRing secretEncryptionInsecureEphemeralKeyRing(SecretEncryptionProperties properties) {
		SecureRandom random = new SecureRandom();
		List<EncryptionKey> keys = new ArrayList<>();
		for (String name : new LinkedHashSet<>(properties.getKeys())) {
			byte[] bytes = new byte[EncryptionKey.LENGTH];
			random.nextBytes(bytes);
			keys.add(new EncryptionKey(name, bytes, null));
			Arrays.fill(bytes, (byte) 0);
		}
		logger.warn("Using insecure ephemeral keys " + keys.stream().map(EncryptionKey::getId).toList()
				+ " for key names " + properties.getKeys() + ": they are random, held in memory only and lost when "
				+ "the application stops, and no key directory is used. Set "
				+ "secret-encryption.insecure-ephemeral-keys only in tests");
		return KeyRing.of(keys);
	}

}
