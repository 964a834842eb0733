package io.github.secretencryption.autoconfigure;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.github.secretencryption.jdbc.KeyIdRecords;
import io.github.secretencryption.jdbc.KeyLossGuard;
import io.github.secretencryption.jpa.EncryptedColumnRegistry;
import io.github.secretencryption.keys.KeyRing;
import io.github.secretencryption.keys.KeyRingReloader;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Auto-configuration of the key id records in the application's database and of the guard
 * that stops a start whose keys cannot read the stored values. It checks once every
 * singleton, the persistence units included, exists, and before the web server or any
 * runner starts.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { SecretEncryptionAutoConfiguration.class, SecretEncryptionJpaAutoConfiguration.class,
		DataSourceAutoConfiguration.class })
@ConditionalOnClass({ JdbcTemplate.class, DataSourceScriptDatabaseInitializer.class })
@ConditionalOnBean({ DataSource.class, KeyRing.class })
@ConditionalOnProperty(prefix = "secret-encryption.key-registry", name = "enabled", matchIfMissing = true)
public final class SecretEncryptionKeyRegistryAutoConfiguration {

	private static final Log logger = LogFactory.getLog(SecretEncryptionKeyRegistryAutoConfiguration.class);

	@Bean
	DataSourceScriptDatabaseInitializer secretEncryptionKeyRegistrySchemaInitializer(DataSource dataSource,
			SecretEncryptionProperties properties) {
		DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
		settings.setSchemaLocations(List.of(KeyIdRecords.SCHEMA_LOCATION));
		settings.setMode(switch (properties.getKeyRegistry().getInitializeSchema()) {
			case ALWAYS -> DatabaseInitializationMode.ALWAYS;
			case EMBEDDED -> DatabaseInitializationMode.EMBEDDED;
			case NEVER -> DatabaseInitializationMode.NEVER;
		});
		return new DataSourceScriptDatabaseInitializer(dataSource, settings);
	}

	@Bean
	KeyLossGuardInitializer secretEncryptionKeyLossGuard(DataSource dataSource, KeyRing keyRing,
			ObjectProvider<EncryptedColumnRegistry> columns, SecretEncryptionProperties properties,
			DataSourceScriptDatabaseInitializer secretEncryptionKeyRegistrySchemaInitializer,
			ObjectProvider<KeyRingReloader> reloader, Environment environment, ResourceLoader resourceLoader) {
		// configuration values are checked against their key when the application starts
		String configKeyName = EncryptedConfigValues.keyName(environment, resourceLoader.getClassLoader());
		KeyIdRecords records = new KeyIdRecords(new JdbcTemplate(dataSource));
		return new KeyLossGuardInitializer(records,
				new KeyLossGuard(records, new HashSet<>(properties.getKeyRegistry().getAcceptKeyLoss()),
						(configKeyName != null) ? Set.of(configKeyName) : Set.of()),
				keyRing, columns, reloader.getIfAvailable());
	}

	/**
	 * Runs the guard once every singleton exists.
	 */
	static final class KeyLossGuardInitializer implements SmartInitializingSingleton {

		private final KeyIdRecords records;

		private final KeyLossGuard guard;

		private final KeyRing keyRing;

		private final ObjectProvider<EncryptedColumnRegistry> columns;

		private final @Nullable KeyRingReloader reloader;

		KeyLossGuardInitializer(KeyIdRecords records, KeyLossGuard guard, KeyRing keyRing,
				ObjectProvider<EncryptedColumnRegistry> columns, @Nullable KeyRingReloader reloader) {
			this.records = records;
			this.guard = guard;
			this.keyRing = keyRing;
			this.columns = columns;
			this.reloader = reloader;
		}

		@Override
		public void afterSingletonsInstantiated() {
			EncryptedColumnRegistry registry = this.columns.getIfAvailable();
			try {
				this.guard.check(this.keyRing, (registry != null) ? registry.getColumns() : List.of());
			}
			catch (BadSqlGrammarException ex) {
				if (!this.records.tableExists()) {
					throw new KeyRegistryTableMissingException(ex);
				}
				throw ex;
			}
			if (this.reloader != null) {
				this.reloader.addListener(this::record);
			}
		}

		private void record(KeyRing keyRing) {
			try {
				this.guard.record(keyRing);
			}
			catch (DataAccessException ex) {
				logger.warn("Key ids of reloaded keys could not be recorded in the database, they will be at the next "
						+ "start: " + ex.getClass().getSimpleName());
			}
		}

	}

}
