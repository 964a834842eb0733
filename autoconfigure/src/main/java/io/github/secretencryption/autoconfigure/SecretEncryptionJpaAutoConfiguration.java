package io.github.secretencryption.autoconfigure;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jackson.SecretMasking;
import io.github.secretencryption.jpa.EncryptedColumnRegistry;
import io.github.secretencryption.jpa.HibernateEncryption;
import org.hibernate.binder.AttributeBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that connects Spring Boot's persistence unit to the encryption of
 * {@link io.github.secretencryption.Encrypted} attributes.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = SecretEncryptionAutoConfiguration.class, before = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({ AttributeBinder.class, HibernatePropertiesCustomizer.class })
public final class SecretEncryptionJpaAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EncryptedColumnRegistry secretEncryptionColumnRegistry() {
		return new EncryptedColumnRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	HibernateEncryption secretEncryptionHibernate(AesGcmEncryptor encryptor, EncryptedColumnRegistry registry,
			ObjectProvider<SecretMasking> masking) {
		SecretMasking secretMasking = masking.getIfAvailable();
		return new HibernateEncryption(encryptor, registry,
				(secretMasking != null) ? secretMasking.getPlaceholder() : null);
	}

	@Bean
	HibernatePropertiesCustomizer secretEncryptionHibernatePropertiesCustomizer(HibernateEncryption encryption) {
		return (properties) -> properties.putAll(encryption.toHibernateProperties());
	}

}
