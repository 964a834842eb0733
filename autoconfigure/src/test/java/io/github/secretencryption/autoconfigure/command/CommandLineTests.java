package io.github.secretencryption.autoconfigure.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import io.github.secretencryption.keys.KeyFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs commands with command lines they do not take, in real processes: each is refused
 * before the command does anything, so that a mistyped option never runs for real.
 */
class CommandLineTests {

	@TempDir
	Path temp;

	@Test
	void mistypedOptionIsRefusedBeforeAnythingRuns() throws Exception {
		Path keys = this.temp.resolve("keys");
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"rotate-key", "secret-encryption", "--promte", "--secret-encryption.key-directory=" + keys);
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.outLines()).containsExactly("[FAIL] rotate-key: unknown option --promte; usage: "
				+ "rotate-key <name> [--add | --promote [--key-id=<id>] [--insecure-skip-wait]]");
		assertThat(keys).doesNotExist();
	}

	@Test
	void optionOfAnotherCommandIsRefused() throws Exception {
		Path keys = this.temp.resolve("keys");
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"verify-keys", "--dry-run", "--secret-encryption.key-directory=" + keys);
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.outLines())
			.containsExactly("[FAIL] verify-keys: unknown option --dry-run; usage: verify-keys");
	}

	@Test
	void argumentsBeyondWhatTheCommandTakesAreRefused() throws Exception {
		Path keys = this.temp.resolve("keys");
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"rotate-key", "secret-encryption", "health-check", "--secret-encryption.key-directory=" + keys);
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.outLines()).containsExactly("[FAIL] rotate-key: takes at most 1 arguments, not "
				+ "[secret-encryption, health-check]; usage: rotate-key <name> [--add | --promote [--key-id=<id>] "
				+ "[--insecure-skip-wait]]");
		assertThat(keys).doesNotExist();
	}

	@Test
	void propertiesAndSpringBootsOwnFlagsAreNotOptions() throws Exception {
		Path keys = this.temp.resolve("keys");
		new KeyFileStore(keys).loadOrCreate("secret-encryption");
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"rotate-key", "secret-encryption", "--add", "--debug", "--secret-encryption.key-directory=" + keys);
		assertThat(result.exitCode()).as(result.out()).isZero();
		assertThat(result.outLines()).anySatisfy((line) -> assertThat(line).startsWith("[OK] Added key"));
	}

	@Test
	void missingArgumentsAreRefusedBeforeAnythingRuns() throws Exception {
		Path keys = this.temp.resolve("keys");
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"retire-key", "secret-encryption", "--secret-encryption.key-directory=" + keys);
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.outLines()).containsExactly("[FAIL] retire-key: needs 2 arguments, not "
				+ "[secret-encryption]; usage: retire-key <name> <key-id> [--insecure-skip-wait] "
				+ "[--config-values-replaced]");
		assertThat(keys).doesNotExist();
	}

	@Test
	void aPropertyThatCannotBeBoundIsNamedWithItsReasonOnStandardOutput() throws Exception {
		Path keys = this.temp.resolve("keys");
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"verify-keys", "--secret-encryption.key-source=nonsense", "--secret-encryption.key-directory=" + keys);
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.outLines()).singleElement()
			.satisfies((line) -> assertThat(line)
				.startsWith("[FAIL] verify-keys: Failed to bind properties under " + "'secret-encryption.key-source'")
				.contains("nonsense")
				.contains("KeySource")
				.endsWith("; accepted values: files, mounted"));
	}

	@Test
	void anArgumentThatNamesNoCommandIsRefusedWhenTheApplicationTakesNoArgumentsOfItsOwn() throws Exception {
		Path keys = this.temp.resolve("keys");
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"rotate", "secret-encryption", "--secret-encryption.key-directory=" + keys,
				"--secret-encryption.commands.refuse-unknown=true");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.outLines()).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("[FAIL] No command is named 'rotate'; the commands are ")
				.contains("verify-keys")
				.contains("rotate-key"));
		assertThat(keys).doesNotExist();
	}

	@Test
	void aCommandWhoseApplicationCannotStartSaysWhyOnStandardOutput() throws Exception {
		Path keys = this.temp.resolve("keys");
		Path missing = this.temp.resolve("no-such-database");
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"key-status", "--secret-encryption.key-directory=" + keys,
				"--spring.datasource.url=jdbc:h2:file:" + missing + ";IFEXISTS=TRUE");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.outLines()).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("[FAIL] key-status: the application could not start: ")
				.contains("no-such-database"));
	}

	@Test
	void aDatabaseCommandOnAnEmbeddedDatabaseThatAnotherProcessHasOpenSaysToStopIt() throws Exception {
		Path keys = this.temp.resolve("keys");
		String url = "jdbc:h2:file:" + this.temp.resolve("running-app");
		try (Connection running = DriverManager.getConnection(url, "sa", "")) {
			ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
					"key-status", "--secret-encryption.key-directory=" + keys, "--spring.datasource.url=" + url);
			assertThat(result.exitCode()).isEqualTo(1);
			assertThat(result.outLines()).containsExactly("[FAIL] key-status: the database is open in another "
					+ "process, most likely the running application (an embedded H2 database file allows one "
					+ "process); stop the application, run the command, then start the application again");
		}
	}

	@Test
	void aFlagGivenWithAValueIsRefusedInsteadOfTakenAsSet() throws Exception {
		Path keys = this.temp.resolve("keys");
		new KeyFileStore(keys).loadOrCreate("secret-encryption");
		byte[] primary = Files.readAllBytes(keys.resolve("secret-encryption.key"));
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"rotate-key", "secret-encryption", "--promote", "--insecure-skip-wait=false",
				"--secret-encryption.key-directory=" + keys);
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.outLines()).containsExactly("[FAIL] rotate-key: option --insecure-skip-wait takes no value, "
				+ "not --insecure-skip-wait=false; usage: rotate-key <name> [--add | --promote [--key-id=<id>] "
				+ "[--insecure-skip-wait]]");
		assertThat(Files.readAllBytes(keys.resolve("secret-encryption.key"))).isEqualTo(primary);
	}

	@Test
	void anOptionThatNeedsAValueIsRefusedWithoutOne() throws Exception {
		Path keys = this.temp.resolve("keys");
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"rotate-key", "secret-encryption", "--promote", "--key-id",
				"--secret-encryption.key-directory=" + keys);
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.outLines()).singleElement()
			.asString()
			.startsWith("[FAIL] rotate-key: option --key-id needs a value, as --key-id=<value>; usage:");
		assertThat(keys).doesNotExist();
	}

	@Test
	void aMisspelledCommandIsRefusedInsteadOfStartingTheApplication() throws Exception {
		Path keys = this.temp.resolve("keys");
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"verify-key", "--secret-encryption.key-directory=" + keys);
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.outLines())
			.containsExactly("[FAIL] No command is named 'verify-key'; did you mean verify-keys?");
		assertThat(keys).doesNotExist();
	}

	@Test
	void editDistanceCountsInsertionsDeletionsAndReplacements() {
		assertThat(CommandRunListener.editDistance("verify-keys", "verify-keys")).isZero();
		assertThat(CommandRunListener.editDistance("verify-keys", "verify-key")).isEqualTo(1);
		assertThat(CommandRunListener.editDistance("rotate-key", "rotat-keys")).isEqualTo(2);
		assertThat(CommandRunListener.editDistance("key-status", "kye-status")).isEqualTo(2);
		assertThat(CommandRunListener.editDistance("reencrypt", "server")).isGreaterThan(2);
		assertThat(CommandRunListener.editDistance("", "abc")).isEqualTo(3);
	}

}
