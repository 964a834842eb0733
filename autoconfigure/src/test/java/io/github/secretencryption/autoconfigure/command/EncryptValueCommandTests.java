package io.github.secretencryption.autoconfigure.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import io.github.secretencryption.jasypt.ConfigValueTestApplication;
import io.github.secretencryption.keys.DirectorySnapshot;
import io.github.secretencryption.keys.KeyFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code encrypt-value} in a real process, as an operator would, and uses its output
 * in applications.
 */
class EncryptValueCommandTests {

	private static final String VALUE = "db-pässword with spaces, (parentheses) and = signs";

	@TempDir
	Path temp;

	@Test
	void printsTheValueOfStandardInputEncryptedForThisInstallAndNothingElse() throws Exception {
		Path keys = this.temp.resolve("keys");
		ForkedCommand.Result result = encryptValue(VALUE + "\n", keys);
		assertThat(result.exitCode()).isZero();
		assertThat(result.outLines()).singleElement().asString().matches("ENC\\(se1:[A-Za-z0-9+/]+={0,2}\\)");
		assertThat(result.err()).contains("Running command encrypt-value")
			.contains("Created key 'config' in " + keys.resolve("config.key"))
			.contains("[NEW KEY] encrypt-value created " + keys.resolve("config.key")
					+ ": the value decrypts only with this new key")
			.doesNotContain(VALUE)
			.doesNotContain(HexFormat.of().formatHex(Files.readAllBytes(keys.resolve("config.key"))));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("config.key"))))
			.isEqualTo("rw-------");
		assertThat(keys.resolve("secret-encryption.key")).doesNotExist();
	}

	@Test
	void outputDecryptsInAnApplicationOfTheSameInstall() throws Exception {
		Path keys = this.temp.resolve("keys");
		String encrypted = encryptValue(VALUE, keys).out().strip();
		SpringApplication application = new SpringApplication(ConfigValueTestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run("--secret-encryption.key-directory=" + keys,
				"--app.password=" + encrypted)) {
			assertThat(context.getEnvironment().getProperty("app.password")).isEqualTo(VALUE);
		}
	}

	@Test
	void outputDecryptsFromAnEnvironmentVariableInAnotherProcess() throws Exception {
		Path keys = this.temp.resolve("keys");
		String encrypted = encryptValue(VALUE, keys).out().strip();
		ForkedCommand.Result result = ForkedCommand.runWithEnvironment(ConfigValueTestApplication.class, this.temp,
				Map.of("APP_PASSWORD", encrypted), "--secret-encryption.key-directory=" + keys);
		assertThat(result.exitCode()).isZero();
		assertThat(result.outLines()).contains("app.password sha-256 " + ConfigValueTestApplication.sha256(VALUE));
	}

	@Test
	void encryptsUnderTheKeyThatTheApplicationAlreadyUses() throws Exception {
		Path keys = this.temp.resolve("keys");
		byte[] key = Files.readAllBytes(new KeyFileStore(keys).loadOrCreate("config").getFile());
		ForkedCommand.Result result = encryptValue(VALUE, keys);
		assertThat(result.exitCode()).isZero();
		assertThat(result.err()).doesNotContain("Created key").doesNotContain("[NEW KEY]");
		assertThat(Files.readAllBytes(keys.resolve("config.key"))).isEqualTo(key);
	}

	@Test
	void withMountedKeysEncryptsUnderTheKeyThePlatformProvidesAndWritesNothing() throws Exception {
		Path volume = configKeyVolume();
		Map<String, String> before = DirectorySnapshot.of(volume);
		ForkedCommand.Result result = ForkedCommand.runWithInput(CommandTestApplication.class, this.temp, VALUE,
				"encrypt-value", "--secret-encryption.key-directory=" + volume,
				"--secret-encryption.key-source=mounted");
		assertThat(result.exitCode()).isZero();
		assertThat(result.outLines()).singleElement().asString().matches("ENC\\(se1:[A-Za-z0-9+/]+={0,2}\\)");
		assertThat(result.err()).doesNotContain("Created key");
		assertThat(DirectorySnapshot.of(volume)).isEqualTo(before);
	}

	@Test
	void withMountedKeysRefusesAMissingKeyAndCreatesNothing() throws Exception {
		Path volume = configKeyVolume();
		Path config = volume.resolve("config.key");
		Files.delete(config);
		Map<String, String> before = DirectorySnapshot.of(volume);
		ForkedCommand.Result result = ForkedCommand.runWithInput(CommandTestApplication.class, this.temp, VALUE,
				"encrypt-value", "--secret-encryption.key-directory=" + volume,
				"--secret-encryption.key-source=mounted");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).contains("[FAIL] encrypt-value: Key file " + config
				+ " does not exist; with secret-encryption.key-source=mounted keys are never created; have the "
				+ "platform provide config.key (add it to the Kubernetes Secret or Vault agent template mounted at "
				+ volume + "), or set secret-encryption.key-source=files to let the application create its keys");
		assertThat(config).doesNotExist();
		assertThat(DirectorySnapshot.of(volume)).isEqualTo(before);
	}

	@Test
	void withMountedKeysNeverCreatesTheKeyEvenWhereTheCommandCouldWrite() throws Exception {
		Path keys = Files.createDirectory(this.temp.resolve("keys"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		ForkedCommand.Result result = ForkedCommand.runWithInput(CommandTestApplication.class, this.temp, VALUE,
				"encrypt-value", "--secret-encryption.key-directory=" + keys, "--secret-encryption.key-source=mounted");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).contains("have the platform provide config.key").doesNotContain("Created key");
		assertThat(keys).isEmptyDirectory();
	}

	@Test
	void refusesAValueOnTheCommandLine() throws Exception {
		ForkedCommand.Result result = ForkedCommand.runWithInput(CommandTestApplication.class, this.temp, "",
				"encrypt-value", VALUE, "--secret-encryption.key-directory=" + this.temp.resolve("keys"));
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).contains("[FAIL] encrypt-value: takes no value on the command line, where the shell "
				+ "history and the process list would keep it; pipe the value into standard input instead: "
				+ "printf '%s' \"$VALUE\" | java -jar app.jar encrypt-value");
		assertThat(this.temp.resolve("keys")).doesNotExist();
	}

	@Test
	void refusesEmptyInput() throws Exception {
		ForkedCommand.Result result = encryptValue("\n", this.temp.resolve("keys"));
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).contains("[FAIL] encrypt-value: standard input is empty; pipe the value in, as in "
				+ "printf '%s' \"$VALUE\" | java -jar app.jar encrypt-value");
	}

	@Test
	void reportsAMissingKeyDirectoryOnStandardError() throws Exception {
		ForkedCommand.Result result = ForkedCommand.runWithInput(CommandTestApplication.class, this.temp, VALUE,
				"encrypt-value");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).contains(
				"[FAIL] encrypt-value: secret-encryption.key-directory is not set; set it to the directory of the key files");
	}

	@Test
	void reportsAKeyFileThatGroupOrOthersCanRead() throws Exception {
		Path keys = this.temp.resolve("keys");
		Path file = new KeyFileStore(keys).loadOrCreate("config").getFile();
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
		ForkedCommand.Result result = encryptValue(VALUE, keys);
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).contains("[FAIL] encrypt-value: Key file " + file
				+ " has mode rw-r-----, which lets group or others access it; run 'chmod 600 " + file
				+ "' and check that nobody else has read the key");
	}

	@Test
	void needsJasypt() throws Exception {
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(CommandTestApplication.class, this.temp, VALUE,
				"encrypt-value", "--secret-encryption.key-directory=" + this.temp.resolve("keys"));
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).contains("[FAIL] encrypt-value: needs "
				+ "com.github.ulisesbocchio:jasypt-spring-boot-starter on the class path, which decrypts ENC(...) "
				+ "values; add it to the application's dependencies");
	}

	@Test
	void applicationWithoutJasyptStartsWithoutTheConfigKeyAndTakesEncValuesAsText() throws Exception {
		Path keys = this.temp.resolve("keys");
		ForkedCommand.Result result = ForkedCommand.runWithoutJasypt(ConfigValueTestApplication.class, this.temp, null,
				"--secret-encryption.key-directory=" + keys, "--app.password=ENC(se1:AAAA)");
		assertThat(result.exitCode()).isZero();
		assertThat(result.outLines())
			.contains("app.password sha-256 " + ConfigValueTestApplication.sha256("ENC(se1:AAAA)"));
		assertThat(result.err()).doesNotContain("jasypt");
		assertThat(keys.resolve("secret-encryption.key")).exists();
		assertThat(keys.resolve("config.key")).doesNotExist();
	}

	@Test
	void verifyKeysChecksTheConfigKeyToo() throws Exception {
		Path keys = this.temp.resolve("keys");
		KeyFileStore store = new KeyFileStore(keys);
		for (String name : new String[] { "secret-encryption", "health-check", "config" }) {
			store.loadOrCreate(name);
		}
		ForkedCommand.Result result = ForkedCommand.run(CommandTestApplication.class, this.temp, "verify-keys",
				"--secret-encryption.key-directory=" + keys);
		assertThat(result.exitCode()).isZero();
		assertThat(result.outLines()).containsExactly(
				"[OK] " + keys.resolve("secret-encryption.key") + " mode=600 size=32",
				"[OK] " + keys.resolve("health-check.key") + " mode=600 size=32",
				"[OK] " + keys.resolve("config.key") + " mode=600 size=32");
	}

	/**
	 * Lay out the key of configuration values as a Kubernetes Secret volume with an
	 * {@code fsGroup} does: {@code config.key -> ..data/config.key}, file mode 440,
	 * directories mode 750.
	 */
	private Path configKeyVolume() throws Exception {
		Path volume = Files.createDirectory(this.temp.resolve("keys"));
		Path data = Files.createDirectory(volume.resolve(VerifyKeysCommandTests.DATA));
		Files.createSymbolicLink(volume.resolve("..data"), Path.of(VerifyKeysCommandTests.DATA));
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		Files.write(data.resolve("config.key"), key);
		Files.setPosixFilePermissions(data.resolve("config.key"), PosixFilePermissions.fromString("r--r-----"));
		Files.createSymbolicLink(volume.resolve("config.key"), Path.of("..data", "config.key"));
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-x---"));
		Files.setPosixFilePermissions(volume, PosixFilePermissions.fromString("rwxr-x---"));
		return volume;
	}

	private ForkedCommand.Result encryptValue(String input, Path keys) throws Exception {
		return ForkedCommand.runWithInput(CommandTestApplication.class, this.temp, input, "encrypt-value",
				"--secret-encryption.key-directory=" + keys);
	}

}
