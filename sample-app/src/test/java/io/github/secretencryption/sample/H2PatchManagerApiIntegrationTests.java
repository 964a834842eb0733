package io.github.secretencryption.sample;

import io.github.secretencryption.sample.support.TestDatabaseExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link PatchManagerApiIntegrationTests} on an H2 file database.
 */
class H2PatchManagerApiIntegrationTests extends PatchManagerApiIntegrationTests {

	@RegisterExtension
	static final TestDatabaseExtension database = TestDatabaseExtension.h2();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		database.registerProperties(registry);
	}

	@Override
	protected String expectedSecretColumnType() {
		return "CHARACTER VARYING";
	}

}
