package io.github.secretencryption.autoconfigure.command;

import java.util.List;

import javax.sql.DataSource;

import io.github.secretencryption.autoconfigure.SecretEncryptionProperties;
import io.github.secretencryption.jpa.EncryptedColumn;
import io.github.secretencryption.jpa.EncryptedColumnRegistry;
import io.github.secretencryption.migration.KeyUsage;

import org.springframework.context.ApplicationContext;

/**
 * Counts the stored values of an application's encrypted columns per key id, for the
 * commands that report or act on key usage.
 */
final class StoredKeyUsage {

	private StoredKeyUsage() {
	}

	static KeyUsage scan(ApplicationContext application) throws Exception {
		EncryptedColumnRegistry registry = application.getBeanProvider(EncryptedColumnRegistry.class).getIfAvailable();
		List<EncryptedColumn> columns = (registry != null) ? registry.getColumns() : List.of();
		DataSource dataSource = application.getBeanProvider(DataSource.class).getIfAvailable();
		if (dataSource == null) {
			if (!columns.isEmpty()) {
				throw new IllegalStateException("Encrypted columns are mapped but the application has no DataSource");
			}
			return KeyUsage.none();
		}
		int batchSize = application.getBean(SecretEncryptionProperties.class).getMigration().getBatchSize();
		return KeyUsage.scan(dataSource, columns, batchSize);
	}

}
