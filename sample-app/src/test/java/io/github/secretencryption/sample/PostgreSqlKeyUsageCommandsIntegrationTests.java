package io.github.secretencryption.sample;

import io.github.secretencryption.sample.support.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link KeyUsageCommandsIntegrationTests} on PostgreSQL.
 */
class PostgreSqlKeyUsageCommandsIntegrationTests extends KeyUsageCommandsIntegrationTests {

	@RegisterExtension
	static final TestDatabaseExtension databases = TestDatabaseExtension.postgreSql();

	@Override
	protected TestDatabaseExtension databases() {
		return databases;
	}

}
