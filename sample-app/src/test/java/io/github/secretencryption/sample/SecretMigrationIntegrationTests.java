package io.github.secretencryption.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyRing;
import io.github.secretencryption.sample.support.ForkedPatchManager;
import io.github.secretencryption.sample.support.TestDatabase;
import io.github.secretencryption.sample.support.TestDatabaseExtension;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path of a real upgrade: a database of the plaintext release (Flyway version 1) full
 * of plaintext secrets is upgraded by the current application, then
 * {@code migrate-secrets}, run as a separate process, encrypts every value in place.
 * Subclasses choose the database.
 */
abstract class SecretMigrationIntegrationTests {

	@TempDir
	Path temporary;

	protected abstract TestDatabaseExtension databases();

	@Test
	void dryRunChangesNothingThenMigrationEncryptsEveryValueOnceAndARerunChangesNothing() throws Exception {
		TestDatabase database = databases().createDatabase();
		Map<String, String> secrets = fillLegacyDatabase(database, 2000);
		Path keys = this.temporary.resolve("keys");

		ForkedPatchManager.Result dryRun = migrate(database, keys, "--dry-run");
		assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
		assertThat(dryRun.out())
			.contains("Dry run: " + secrets.size() + " values would be encrypted in 4 columns, 0 failed");
		assertThat(plaintextCount(database)).isEqualTo(secrets.size());

		ForkedPatchManager.Result migration = migrate(database, keys);
		assertThat(migration.exitCode()).as(migration.err()).isZero();
		assertThat(migration.out()).contains("[OK] users.totp_secret: 2000 values, 2000 changed")
			.contains(secrets.size() + " values encrypted in 4 columns, 0 failed");
		assertEveryValueDecryptsToItsPlaintext(database, keys, secrets);
		assertThat(migration.out() + migration.err()).doesNotContain(secrets.get("users.totp_secret#1"));

		ForkedPatchManager.Result rerun = migrate(database, keys);
		assertThat(rerun.exitCode()).isZero();
		assertThat(rerun.out()).contains("0 values encrypted in 4 columns, 0 failed");
		assertEveryValueDecryptsToItsPlaintext(database, keys, secrets);
	}

	@Test
	void migrationKilledHalfwayFinishesOnTheNextRunWithEveryValueEncryptedOnce() throws Exception {
		TestDatabase database = databases().createDatabase();
		Map<String, String> secrets = fillLegacyDatabase(database, 5000);
		Path keys = this.temporary.resolve("keys");
		List<String> args = database.migrateSecrets(keys, "--secret-encryption.migration.batch-size=5",
				"--secret-encryption.migration.progress-interval=0");
		// H2 writes commits to its file in the background after a delay, so a killed
		// process would lose its last commits: make them durable at once, as PostgreSQL's
		args.replaceAll((arg) -> arg.startsWith("--spring.datasource.url=jdbc:h2:") ? arg + ";WRITE_DELAY=0" : arg);
		ForkedPatchManager.Running running = ForkedPatchManager.start(this.temporary, args);
		// progress is printed after each committed batch: kill as soon as users have one
		Pattern committed = Pattern.compile("users\\.totp_secret: [1-9][0-9]*/5000 rows");
		long deadline = System.nanoTime() + 300_000_000_000L;
		while (!committed.matcher(Files.readString(running.out())).find() && running.process().isAlive()
				&& System.nanoTime() < deadline) {
			Thread.sleep(2);
		}
		running.process().destroyForcibly().waitFor();
		long encryptedWhenKilled = encryptedCount(database);
		assertThat(encryptedWhenKilled).as("values encrypted when the process was killed")
			.isGreaterThanOrEqualTo(5)
			.isLessThan(secrets.size());

		ForkedPatchManager.Result resumed = migrate(database, keys);
		assertThat(resumed.exitCode()).as(resumed.err()).isZero();
		assertThat(resumed.out()).contains((secrets.size() - encryptedWhenKilled) + " values encrypted");
		assertEveryValueDecryptsToItsPlaintext(database, keys, secrets);
	}

	private ForkedPatchManager.Result migrate(TestDatabase database, Path keys, String... extra) throws Exception {
		return ForkedPatchManager.run(this.temporary, database.migrateSecrets(keys, extra));
	}

	private Map<String, String> fillLegacyDatabase(TestDatabase database, int users) {
		FluentConfiguration configuration = Flyway.configure()
			.dataSource(database.url(), database.username(), database.password())
			.locations("classpath:db/migration/common", "classpath:db/migration/" + database.vendor())
			.target("1");
		if (database.schema() != null) {
			configuration.defaultSchema(database.schema());
		}
		configuration.load().migrate();
		JdbcClient jdbc = database.jdbcClient();
		Map<String, String> secrets = new HashMap<>();
		jdbc.sql(
				"INSERT INTO oidc_settings (id, issuer, client_id, client_secret) VALUES (1, 'https://id.example.test', "
						+ "'patch-manager', 'legacy-oidc-secret')")
			.update();
		secrets.put("oidc_settings.client_secret#1", "legacy-oidc-secret");
		jdbc.sql("INSERT INTO smtp_settings (id, host, port, username, smtp_password) VALUES (1, 'smtp.example.test', "
				+ "25, 'mailer', 'legacy-smtp-pässword')")
			.update();
		secrets.put("smtp_settings.smtp_password#1", "legacy-smtp-pässword");
		List<Object[]> rows = new ArrayList<>();
		for (int i = 1; i <= users; i++) {
			String secret = "LEGACYTOTPSECRET" + Integer.toString(i, 32).toUpperCase();
			rows.add(new Object[] { i, "user-" + i, secret });
			secrets.put("users.totp_secret#" + i, secret);
		}
		new JdbcTemplate(new DriverManagerDataSource(database.url(), database.username(), database.password()))
			.batchUpdate("INSERT INTO users (id, username, totp_secret) VALUES (?, ?, ?)", rows);
		for (int i = 1; i <= 3; i++) {
			jdbc.sql("INSERT INTO health_checks (id, name, url, username, basic_auth_password) VALUES (?, ?, ?, ?, ?)")
				.params(i, "check-" + i, "https://service.example.test/health", "probe", "legacy-probe-" + i)
				.update();
			secrets.put("health_checks.basic_auth_password#" + i, "legacy-probe-" + i);
		}
		return secrets;
	}

	private void assertEveryValueDecryptsToItsPlaintext(TestDatabase database, Path keys, Map<String, String> secrets) {
		KeyFileStore store = new KeyFileStore(keys);
		List<EncryptionKey> loaded = List.of(store.load("secret-encryption"), store.load("health-check"));
		AesGcmEncryptor encryptor = new AesGcmEncryptor(KeyRing.of(loaded));
		JdbcClient jdbc = database.jdbcClient();
		Map<String, String> found = new HashMap<>();
		read(jdbc, encryptor, found, "oidc_settings", "client_secret", "secret-encryption");
		read(jdbc, encryptor, found, "smtp_settings", "smtp_password", "secret-encryption");
		read(jdbc, encryptor, found, "users", "totp_secret", "secret-encryption");
		read(jdbc, encryptor, found, "health_checks", "basic_auth_password", "health-check");
		assertThat(found).isEqualTo(secrets);
	}

	private void read(JdbcClient jdbc, AesGcmEncryptor encryptor, Map<String, String> found, String table,
			String column, String keyName) {
		jdbc.sql("SELECT id, " + column + " FROM " + table).query((rs, row) -> {
			String stored = rs.getString(2);
			assertThat(stored).startsWith(AesGcmEncryptor.PREFIX);
			found.put(table + "." + column + "#" + rs.getLong(1),
					encryptor.decrypt(keyName, stored, (table + "." + column).getBytes()));
			return null;
		}).list();
	}

	private long encryptedCount(TestDatabase database) {
		return columnCount(database, "LIKE");
	}

	private long plaintextCount(TestDatabase database) {
		return columnCount(database, "NOT LIKE");
	}

	private long columnCount(TestDatabase database, String operator) {
		JdbcClient jdbc = database.jdbcClient();
		long count = 0;
		for (String[] column : new String[][] { { "oidc_settings", "client_secret" },
				{ "smtp_settings", "smtp_password" }, { "users", "totp_secret" },
				{ "health_checks", "basic_auth_password" } }) {
			count += jdbc.sql("SELECT count(*) FROM " + column[0] + " WHERE " + column[1] + " " + operator + " 'se1:%'")
				.query(Long.class)
				.single();
		}
		return count;
	}

}
