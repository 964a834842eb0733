package io.github.secretencryption.sample;

import io.github.secretencryption.sample.support.TestDatabase;
import io.github.secretencryption.sample.support.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ConfigValueIntegrationTests} on PostgreSQL, with the test server's real
 * password.
 */
class PostgreSqlConfigValueIntegrationTests extends ConfigValueIntegrationTests {

	@RegisterExtension
	static final TestDatabaseExtension databases = TestDatabaseExtension.postgreSql();

	@Override
	protected TestDatabaseExtension databases() {
		return databases;
	}

	@Override
	protected String databasePassword(TestDatabase database) {
		return database.password();
	}

}
