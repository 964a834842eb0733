package io.github.secretencryption.autoconfigure;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import io.github.secretencryption.SecretEncryptionException;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jackson.SecretMasking;
import io.github.secretencryption.jpa.EncryptedColumn;
import io.github.secretencryption.jpa.EncryptedColumnLengthCheck;
import io.github.secretencryption.jpa.EncryptedColumnRegistry;
import io.github.secretencryption.jpa.EncryptedReadListener;
import io.github.secretencryption.jpa.HibernateEncryption;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.hibernate.binder.AttributeBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
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

	private static final Log logger = LogFactory.getLog(SecretEncryptionJpaAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	EncryptedColumnRegistry secretEncryptionColumnRegistry() {
		return new EncryptedColumnRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	HibernateEncryption secretEncryptionHibernate(AesGcmEncryptor encryptor, EncryptedColumnRegistry registry,
			ObjectProvider<SecretMasking> masking, SecretEncryptionProperties properties,
			ObjectProvider<EncryptedReadListener> readListeners) {
		SecretMasking secretMasking = masking.getIfAvailable();
		List<EncryptedReadListener> listeners = readListeners.orderedStream().toList();
		return new HibernateEncryption(encryptor, registry,
				(secretMasking != null) ? secretMasking.getPlaceholder() : null, properties.getPlaintextReads(),
				new EncryptedReadListener() {

					@Override
					public void decryptionFailed(EncryptedColumn column, SecretEncryptionException failure) {
						listeners.forEach((listener) -> listener.decryptionFailed(column, failure));
					}

					@Override
					public void plaintextRead(EncryptedColumn column) {
						listeners.forEach((listener) -> listener.plaintextRead(column));
					}

				});
	}

	@Bean
	static EncryptedColumnLengthCheckInitializer secretEncryptionColumnLengthCheck(
			ObjectProvider<DataSource> dataSource, ObjectProvider<EncryptedColumnRegistry> registry) {
		return new EncryptedColumnLengthCheckInitializer(dataSource, registry);
	}

	@Bean
	HibernatePropertiesCustomizer secretEncryptionHibernatePropertiesCustomizer(HibernateEncryption encryption) {
		return (properties) -> {
			Object ownTranslator = properties.get(HibernateEncryption.QUERY_TRANSLATOR_SETTING);
			properties.putAll(encryption.toHibernateProperties());
			if (ownTranslator != null) {
				properties.put(HibernateEncryption.QUERY_TRANSLATOR_SETTING, ownTranslator);
				logger.warn("Queries are not checked for uses of encrypted attributes that the database cannot "
						+ "evaluate, because " + HibernateEncryption.QUERY_TRANSLATOR_SETTING
						+ " is set to a translator of the application's own");
			}
		};
	}

	/**
	 * Checks the lengths of the encrypted columns once every singleton, the persistence
	 * units included, exists.
	 */
	static final class EncryptedColumnLengthCheckInitializer implements SmartInitializingSingleton {

		private final ObjectProvider<DataSource> dataSource;

		private final ObjectProvider<EncryptedColumnRegistry> registry;

		EncryptedColumnLengthCheckInitializer(ObjectProvider<DataSource> dataSource,
				ObjectProvider<EncryptedColumnRegistry> registry) {
			this.dataSource = dataSource;
			this.registry = registry;
		}

		@Override
		public void afterSingletonsInstantiated() {
			DataSource dataSource = this.dataSource.getIfUnique();
			EncryptedColumnRegistry registry = this.registry.getIfUnique();
			if (dataSource == null || registry == null) {
				return;
			}
			try {
				EncryptedColumnLengthCheck.check(dataSource, registry.getColumns());
			}
			catch (SQLException ex) {
				logger.error("Lengths of encrypted columns cannot be checked against the database's metadata", ex);
			}
		}

	}

}
