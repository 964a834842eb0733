package io.github.secretencryption.autoconfigure.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;

import io.github.secretencryption.keys.KeyFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code verify-keys} in a real process, as an operator would, without Jasypt on the
 * class path, so that the keys are the configured ones. {@link EncryptValueCommandTests}
 * covers the key of configuration values, which Jasypt adds.
 */
class VerifyKeysCommandTests {

	@TempDir
	Path temp;

	@Test
	void printsOneOkLinePerKeyOnStandardOutputAndExitsWithZero() throws Exception {
		Path keys = this.temp.resolve("keys");
		KeyFileStore store = new KeyFileStore(keys);
		store.loadOrCreate("secret-encryption");
		store.loadOrCreate("health-check");
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"verify-keys", "--secret-encryption.key-directory=" + keys);
		assertThat(result.exitCode()).isZero();
		assertThat(result.outLines()).containsExactly(
				"[OK] " + keys.resolve("secret-encryption.key") + " mode=600 size=32",
				"[OK] " + keys.resolve("health-check.key") + " mode=600 size=32");
		assertThat(result.err()).contains("Running command verify-keys");
		assertThat(result.err()).doesNotContain("Started CommandTestApplication");
		assertThat(result.err())
			.doesNotContain(HexFormat.of().formatHex(Files.readAllBytes(store.fileOf("health-check"))));
	}

	@Test
	void reportsEveryBrokenKeyNeverCreatesOneAndExitsWithOne() throws Exception {
		Path keys = this.temp.resolve("keys");
		KeyFileStore store = new KeyFileStore(keys);
		Path secret = store.fileOf("secret-encryption");
		store.loadOrCreate("secret-encryption");
		Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"verify-keys", "--secret-encryption.key-directory=" + keys,
				"--secret-encryption.keys=secret-encryption,health-check,short");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.outLines()).containsExactly(
				"[FAIL] " + secret + " has mode rw-r--r--, which lets group or others access it; run 'chmod 600 "
						+ secret + "' and check that nobody else has read the key",
				"[FAIL] " + keys.resolve("health-check.key") + " does not exist; restore the key file from a backup",
				"[FAIL] " + keys.resolve("short.key") + " does not exist; restore the key file from a backup");
		assertThat(keys.resolve("health-check.key")).doesNotExist();
	}

	@Test
	void checksKeysKeptForReadingBesideTheirPrimaryKey() throws Exception {
		Path keys = this.temp.resolve("keys");
		KeyFileStore store = new KeyFileStore(keys);
		store.loadOrCreate("secret-encryption");
		store.loadOrCreate("health-check");
		Path added = store.addKey("secret-encryption").getFile();
		Path broken = store.addKey("health-check").getFile();
		Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rw-r-----"));
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"verify-keys", "--secret-encryption.key-directory=" + keys);
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.outLines()).containsExactly(
				"[OK] " + keys.resolve("secret-encryption.key") + " mode=600 size=32",
				"[OK] " + added + " mode=600 size=32", "[OK] " + keys.resolve("health-check.key") + " mode=600 size=32",
				"[FAIL] " + broken + " has mode rw-r-----, which lets group or others access it; run 'chmod 600 "
						+ broken + "' and check that nobody else has read the key");
	}

	@Test
	void reportsAKeyOfTheWrongSize() throws Exception {
		Path keys = this.temp.resolve("keys");
		KeyFileStore store = new KeyFileStore(keys);
		store.loadOrCreate("secret-encryption");
		Path shortKey = store.fileOf("health-check");
		Files.write(shortKey, new byte[31]);
		Files.setPosixFilePermissions(shortKey, PosixFilePermissions.fromString("rw-------"));
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"verify-keys", "--secret-encryption.key-directory=" + keys);
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.outLines()).containsExactly(
				"[OK] " + keys.resolve("secret-encryption.key") + " mode=600 size=32",
				"[FAIL] " + shortKey + " holds 31 bytes instead of 32; restore the key file from a backup; a key "
						+ "file holds exactly 32 raw bytes and must never be edited");
	}

	@Test
	void reportsAMissingKeyDirectoryProperty() throws Exception {
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"verify-keys");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.outLines()).containsExactly(
				"[FAIL] secret-encryption.key-directory is not set; set it to the directory of the key files");
	}

}
