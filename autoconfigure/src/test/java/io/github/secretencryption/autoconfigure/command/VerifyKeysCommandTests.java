package io.github.secretencryption.autoconfigure.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import io.github.secretencryption.keys.DirectorySnapshot;
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

	static final String DATA = "..2026_12_04_16_49_09.1234567890";

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
	void acceptsMountedKeysLaidOutAsAKubernetesSecretVolumeAndShowsTheModeOfTheFilesTheLinksLeadTo() throws Exception {
		Path volume = secretVolume("r--r-----");
		Map<String, String> before = DirectorySnapshot.of(volume);
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"verify-keys", "--secret-encryption.key-directory=" + volume, "--secret-encryption.key-source=mounted");
		assertThat(result.exitCode()).isZero();
		assertThat(result.outLines()).containsExactly(
				"[OK] " + volume.resolve("secret-encryption.key") + " mode=440 size=32",
				"[OK] " + volume.resolve("health-check.key") + " mode=440 size=32");
		assertThat(DirectorySnapshot.of(volume)).isEqualTo(before);
	}

	@Test
	void refusesAMountedKeyThatOthersMayRead() throws Exception {
		Path volume = secretVolume("r--r--r--");
		Path real = volume.resolve(DATA).resolve("secret-encryption.key");
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"verify-keys", "--secret-encryption.key-directory=" + volume, "--secret-encryption.key-source=mounted",
				"--secret-encryption.keys=secret-encryption");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.outLines()).containsExactly("[FAIL] " + real
				+ " has mode r--r--r--, which lets others access it or its group change it; have the platform provide "
				+ "it with mode 0440 or 0400 (in Kubernetes, 'defaultMode: 0440' on the Secret volume) and check that "
				+ "nobody else has read the key");
	}

	@Test
	void reportsAProblemOfTheKeyDirectoryOnceRatherThanForEveryKey() throws Exception {
		Path volume = secretVolume("r--r-----");
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"verify-keys", "--secret-encryption.key-directory=" + volume);
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.outLines()).containsExactly(
				"[FAIL] " + volume + " has mode rwxr-x---, which lets group or others access it; run 'chmod 700 "
						+ volume + "' and check that nobody else has read the key");
	}

	@Test
	void aKeyNameListedTwiceFailsOnALineThatStartsWithItsPath() throws Exception {
		Path keys = this.temp.resolve("keys");
		Path file = new KeyFileStore(keys).loadOrCreate("secret-encryption").getFile();
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"verify-keys", "--secret-encryption.key-directory=" + keys,
				"--secret-encryption.keys=secret-encryption,secret-encryption");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.outLines()).containsExactly("[OK] " + file + " mode=600 size=32", "[FAIL] " + file
				+ " is named twice: secret-encryption.keys lists 'secret-encryption' twice; list each key name once");
	}

	@Test
	void refusesTwoKeyNamesThatHoldTheSameKeyAsTheApplicationDoes() throws Exception {
		Path keys = this.temp.resolve("keys");
		KeyFileStore store = new KeyFileStore(keys);
		Path first = store.loadOrCreate("secret-encryption").getFile();
		Path second = store.fileOf("health-check");
		Files.copy(first, second, StandardCopyOption.COPY_ATTRIBUTES);
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"verify-keys", "--secret-encryption.key-directory=" + keys);
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.outLines()).containsExactly("[OK] " + first + " mode=600 size=32",
				"[OK] " + second + " mode=600 size=32",
				"[FAIL] " + second + " and " + first + " hold the same key; give each key "
						+ "name a key of its own: restore " + second + " from the backup that matches the database, "
						+ "or, if nothing has been encrypted under 'health-check' yet, replace it with a new key (in "
						+ "files mode, move it away and a new one is created on the next start)");
	}

	@Test
	void reportsAMissingKeyDirectoryProperty() throws Exception {
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, null,
				"verify-keys");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.outLines()).containsExactly(
				"[FAIL] secret-encryption.key-directory is not set; set it to the directory of the key files");
	}

	/**
	 * Lay out keys as a Kubernetes Secret volume with an {@code fsGroup} does, on a file
	 * system mounted read-write: {@code <name>.key -> ..data/<name>.key},
	 * {@code ..data -> ..<timestamp>}, directories mode 750.
	 */
	private Path secretVolume(String keyMode) throws IOException {
		Path volume = Files.createDirectory(this.temp.resolve("keys"));
		Path data = Files.createDirectory(volume.resolve(DATA));
		Files.createSymbolicLink(volume.resolve("..data"), Path.of(DATA));
		for (String name : new String[] { "secret-encryption", "health-check" }) {
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.write(data.resolve(name + ".key"), key);
			Files.setPosixFilePermissions(data.resolve(name + ".key"), PosixFilePermissions.fromString(keyMode));
			Files.createSymbolicLink(volume.resolve(name + ".key"), Path.of("..data", name + ".key"));
		}
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-x---"));
		Files.setPosixFilePermissions(volume, PosixFilePermissions.fromString("rwxr-x---"));
		return volume;
	}

}
