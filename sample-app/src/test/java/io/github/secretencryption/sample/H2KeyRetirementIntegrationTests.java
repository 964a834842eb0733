package io.github.secretencryption.sample;

import io.github.secretencryption.sample.support.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link KeyRetirementIntegrationTests} on H2 file databases.
 */
class H2KeyRetirementIntegrationTests extends KeyRetirementIntegrationTests {

	@RegisterExtension
	static final TestDatabaseExtension databases = TestDatabaseExtension.h2();

	@Override
	protected TestDatabaseExtension databases() {
		return databases;
	}

}
