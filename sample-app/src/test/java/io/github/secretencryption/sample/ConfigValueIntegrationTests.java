package io.github.secretencryption.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.secretencryption.sample.support.ForkedPatchManager;
import io.github.secretencryption.sample.support.TestDatabase;
import io.github.secretencryption.sample.support.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's flow for an encrypted configuration value, with real processes: an
 * operator pipes the database password into {@code encrypt-value}, puts the printed
 * {@code ENC(...)} string in the environment variable of the datasource password, and the
 * application connects with the plaintext. Subclasses choose the database.
 */
abstract class ConfigValueIntegrationTests {

	private static final String PASSWORD_VARIABLE = "SPRING_DATASOURCE_PASSWORD";

	@TempDir
	Path temporary;

	protected abstract TestDatabaseExtension databases();

	/**
	 * Return the password the application must connect with.
	 * @param database the database
	 * @return the password
	 */
	protected abstract String databasePassword(TestDatabase database);

	@Test
	void encryptedDataSourcePasswordInAnEnvironmentVariableConnectsTheApplication() throws Exception {
		TestDatabase database = databases().createDatabase();
		String password = databasePassword(database);
		Path keys = this.temporary.resolve("keys");
		String encrypted = encryptValue(keys, password);
		assertThat(encrypted).startsWith("ENC(se1:").endsWith(")").doesNotContain(password);

		ForkedPatchManager.Result started = ForkedPatchManager.run(this.temporary,
				arguments(database, keys, "migrate-secrets"), Map.of(PASSWORD_VARIABLE, encrypted), "");
		assertThat(started.exitCode()).as(started.err()).isZero();
		assertThat(started.out()).contains("0 values encrypted in 4 columns, 0 failed");
		assertThat(started.out() + started.err()).doesNotContain(password);
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.username(), password));
		assertThat(
				jdbc.sql("SELECT count(*) FROM \"flyway_schema_history\" WHERE \"success\"").query(Long.class).single())
			.as("Flyway migrations run by the application over the decrypted password")
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void tamperedValueStopsStartupNamingTheVariableButNeitherTheValueNorThePlaintext() throws Exception {
		TestDatabase database = databases().createDatabase();
		String password = databasePassword(database);
		Path keys = this.temporary.resolve("keys");
		String encrypted = encryptValue(keys, password);
		int middle = encrypted.length() / 2;
		char flipped = (encrypted.charAt(middle) == 'A') ? 'B' : 'A';
		String tampered = encrypted.substring(0, middle) + flipped + encrypted.substring(middle + 1);

		ForkedPatchManager.Result started = ForkedPatchManager.run(this.temporary,
				arguments(database, keys, "migrate-secrets"), Map.of(PASSWORD_VARIABLE, tampered), "");
		assertThat(started.exitCode()).isNotZero();
		assertThat(started.err()).contains("Property '" + PASSWORD_VARIABLE + "'")
			.contains("systemEnvironment")
			.contains("cannot be decrypted");
		String output = started.out() + started.err();
		assertThat(output).doesNotContain(password)
			.doesNotContain(tampered.substring(4, tampered.length() - 1))
			.doesNotContain(encrypted.substring(4, encrypted.length() - 1));
	}

	@Test
	void valueEncryptedOnAnotherInstallStopsStartup() throws Exception {
		TestDatabase database = databases().createDatabase();
		String password = databasePassword(database);
		String encrypted = encryptValue(this.temporary.resolve("other-install-keys"), password);

		ForkedPatchManager.Result started = ForkedPatchManager.run(this.temporary,
				arguments(database, this.temporary.resolve("keys"), "migrate-secrets"),
				Map.of(PASSWORD_VARIABLE, encrypted), "");
		assertThat(started.exitCode()).isNotZero();
		assertThat(started.err()).contains("Property '" + PASSWORD_VARIABLE + "'").contains("cannot be decrypted");
		assertThat(started.out() + started.err()).doesNotContain(password);
	}

	private String encryptValue(Path keys, String value) throws Exception {
		ForkedPatchManager.Result result = ForkedPatchManager.run(this.temporary,
				List.of("encrypt-value", "--secret-encryption.key-directory=" + keys), Map.of(), value + "\n");
		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.err()).doesNotContain(value);
		return result.out().strip();
	}

	private List<String> arguments(TestDatabase database, Path keys, String command) {
		List<String> args = new ArrayList<>();
		args.add(command);
		database.applicationProperties().forEach((name, value) -> {
			if (!name.equals("spring.datasource.password")) {
				args.add("--" + name + "=" + value);
			}
		});
		args.add("--secret-encryption.key-directory=" + keys);
		return args;
	}

}
