package io.github.secretencryption.sample;

import io.github.secretencryption.sample.support.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link KeyOperationsIntegrationTests} on schemas of the PostgreSQL test server.
 */
class PostgreSqlKeyOperationsIntegrationTests extends KeyOperationsIntegrationTests {

	@RegisterExtension
	static final TestDatabaseExtension databases = TestDatabaseExtension.postgreSql();

	@Override
	protected TestDatabaseExtension databases() {
		return databases;
	}

}
