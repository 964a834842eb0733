package io.github.secretencryption.sample;

import io.github.secretencryption.sample.support.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link KeyOperationsIntegrationTests} on H2 file databases.
 */
class H2KeyOperationsIntegrationTests extends KeyOperationsIntegrationTests {

	@RegisterExtension
	static final TestDatabaseExtension databases = TestDatabaseExtension.h2();

	@Override
	protected TestDatabaseExtension databases() {
		return databases;
	}

}
