package io.github.secretencryption.sample;

import java.nio.file.Path;
import java.util.List;

import io.github.secretencryption.sample.support.ForkedPatchManager;
import io.github.secretencryption.sample.support.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KeyOperationsIntegrationTests} on H2 file databases, and what needs no database.
 */
class H2KeyOperationsIntegrationTests extends KeyOperationsIntegrationTests {

	@RegisterExtension
	static final TestDatabaseExtension databases = TestDatabaseExtension.h2();

	@Override
	protected TestDatabaseExtension databases() {
		return databases;
	}

	@Test
	void aFirstArgumentThatNamesNoCommandDoesNotStartThePatchManager() throws Exception {
		Path keys = this.temporary.resolve("keys");
		ForkedPatchManager.Result result = ForkedPatchManager.run(this.temporary,
				List.of("rotate", "secret-encryption", "--secret-encryption.key-directory=" + keys, "--server.port=0"));
		assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
		assertThat(result.out()).contains("[FAIL] No command is named 'rotate'; the commands are verify-keys");
		assertThat(keys).doesNotExist();
		assertThat(this.temporary.resolve("data")).doesNotExist();
	}

}
