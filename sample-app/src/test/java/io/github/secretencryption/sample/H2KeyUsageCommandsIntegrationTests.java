package io.github.secretencryption.sample;

import io.github.secretencryption.sample.support.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link KeyUsageCommandsIntegrationTests} on H2 file databases.
 */
class H2KeyUsageCommandsIntegrationTests extends KeyUsageCommandsIntegrationTests {

	@RegisterExtension
	static final TestDatabaseExtension databases = TestDatabaseExtension.h2();

	@Override
	protected TestDatabaseExtension databases() {
		return databases;
	}

}
