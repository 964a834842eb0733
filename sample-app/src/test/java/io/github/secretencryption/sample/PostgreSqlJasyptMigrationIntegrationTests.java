package io.github.secretencryption.sample;

import io.github.secretencryption.sample.support.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link JasyptMigrationIntegrationTests} on PostgreSQL.
 */
class PostgreSqlJasyptMigrationIntegrationTests extends JasyptMigrationIntegrationTests {

	@RegisterExtension
	static final TestDatabaseExtension databases = TestDatabaseExtension.postgreSql();

	@Override
	protected TestDatabaseExtension databases() {
		return databases;
	}

}
