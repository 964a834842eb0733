package io.github.secretencryption.sample;

import io.github.secretencryption.sample.support.TestDatabase;
import io.github.secretencryption.sample.support.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ConfigValueIntegrationTests} on H2 file databases, which H2 creates with the
 * password of the first connection: the application's, decrypted from {@code ENC(...)}.
 */
class H2ConfigValueIntegrationTests extends ConfigValueIntegrationTests {

	@RegisterExtension
	static final TestDatabaseExtension databases = TestDatabaseExtension.h2();

	@Override
	protected TestDatabaseExtension databases() {
		return databases;
	}

	@Override
	protected String databasePassword(TestDatabase database) {
		return "h2 pässword " + database.url().hashCode();
	}

}
