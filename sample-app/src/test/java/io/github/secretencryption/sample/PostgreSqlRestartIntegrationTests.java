package io.github.secretencryption.sample;

import io.github.secretencryption.sample.support.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link RestartIntegrationTests} on PostgreSQL, each test in a schema of its own.
 */
class PostgreSqlRestartIntegrationTests extends RestartIntegrationTests {

	@RegisterExtension
	static final TestDatabaseExtension databases = TestDatabaseExtension.postgreSql();

	@Override
	protected TestDatabaseExtension databases() {
		return databases;
	}

}
