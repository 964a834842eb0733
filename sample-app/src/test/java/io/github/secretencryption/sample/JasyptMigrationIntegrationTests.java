package io.github.secretencryption.sample;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jasypt.LegacyPbeDecryptor;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyRing;
import io.github.secretencryption.sample.support.ForkedPatchManager;
import io.github.secretencryption.sample.support.TestDatabase;
import io.github.secretencryption.sample.support.TestDatabaseExtension;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jasypt.encryption.pbe.StandardPBEStringEncryptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose secret columns were written by Jasypt's Hibernate types, with the
 * Jasypt library's default password-based encryptor:
 * {@code migrate-secrets --from-jasypt}, run as a separate process, re-encrypts every
 * value it can decrypt and reports, by table, column and primary key, one written with
 * another password, which it leaves as it was. Subclasses choose the database.
 */
abstract class JasyptMigrationIntegrationTests {

	private static final String PASSWORD = "legacy-jasypt-master-password";

	private static final String PASSWORD_VARIABLE = "SECRET_ENCRYPTION_MIGRATION_JASYPT_PASSWORD";

	private static final String COLUMNS = "--secret-encryption.migration.jasypt.columns="
			+ "smtp_settings.smtp_password,users.totp_secret";

	private static final int USERS = 300;

	private static final long FOREIGN_USER = USERS + 1;

	@TempDir
	Path temporary;

	protected abstract TestDatabaseExtension databases();

	@Test
	void reencryptsJasyptValuesReportsAForeignOneAndLeavesItAndARerunChangesNothing() throws Exception {
		TestDatabase database = databases().createDatabase();
		Map<String, String> secrets = fillJasyptDatabase(database);
		String foreign = totpSecret(database, FOREIGN_USER);
		Path keys = this.temporary.resolve("keys");

		ForkedPatchManager.Result dryRun = migrate(database, keys, "--from-jasypt", "--dry-run");
		assertThat(dryRun.exitCode()).isEqualTo(1);
		assertThat(dryRun.out())
			.contains("Dry run: " + secrets.size() + " values would be encrypted in 2 columns, " + "1 failed");
		assertThat(encryptedCount(database)).isZero();

		ForkedPatchManager.Result migration = migrate(database, keys, "--from-jasypt");
		assertThat(migration.exitCode()).isEqualTo(1);
		assertThat(migration.out()).contains(secrets.size() + " values encrypted in 2 columns, 1 failed")
			.contains("[FAIL] users.totp_secret primary key " + FOREIGN_USER
					+ ": cannot be decrypted with the configured Jasypt password and settings");
		assertSecretsDecrypt(database, keys, secrets);
		assertThat(totpSecret(database, FOREIGN_USER)).isEqualTo(foreign);
		String output = migration.out() + migration.err();
		assertThat(output).doesNotContain(PASSWORD).doesNotContain(foreign).doesNotContain(secrets.get("smtp#1"));

		ForkedPatchManager.Result rerun = migrate(database, keys, "--from-jasypt");
		assertThat(rerun.out()).contains("0 values encrypted in 2 columns, 1 failed");
		assertSecretsDecrypt(database, keys, secrets);
		assertThat(totpSecret(database, FOREIGN_USER)).isEqualTo(foreign);
	}

	@Test
	void plainMigrationLeavesJasyptColumnsAloneAndEncryptsThePlaintextOnes() throws Exception {
		TestDatabase database = databases().createDatabase();
		fillJasyptDatabase(database);
		String jasyptValue = totpSecret(database, 1);
		Path keys = this.temporary.resolve("keys");

		ForkedPatchManager.Result migration = migrate(database, keys);
		assertThat(migration.exitCode()).as(migration.err()).isZero();
		assertThat(migration.out())
			.contains("[SKIP] users.totp_secret: holds values written by Jasypt "
					+ "(secret-encryption.migration.jasypt.columns); run migrate-secrets --from-jasypt")
			.contains("[OK] oidc_settings.client_secret: 1 values, 1 changed")
			.contains("1 values encrypted in 2 columns, 0 failed");
		assertThat(totpSecret(database, 1)).isEqualTo(jasyptValue);
	}

	@Test
	void refusesToStartWithoutThePasswordOrWithAColumnThatIsNotEncrypted() throws Exception {
		TestDatabase database = databases().createDatabase();
		fillJasyptDatabase(database);
		Path keys = this.temporary.resolve("keys");

		ForkedPatchManager.Result noPassword = ForkedPatchManager.run(this.temporary,
				database.migrateSecrets(keys, "--from-jasypt", COLUMNS), Map.of(), "");
		assertThat(noPassword.exitCode()).isEqualTo(1);
		assertThat(noPassword.out()).contains("--from-jasypt needs the password the values were encrypted with: "
				+ "set secret-encryption.migration.jasypt.password");

		ForkedPatchManager.Result wrongColumn = ForkedPatchManager.run(this.temporary,
				database.migrateSecrets(keys, "--from-jasypt",
						"--secret-encryption.migration.jasypt.columns=users.username,users.totp_secret"),
				Map.of(PASSWORD_VARIABLE, PASSWORD), "");
		assertThat(wrongColumn.exitCode()).isEqualTo(1);
		assertThat(wrongColumn.out())
			.contains("secret-encryption.migration.jasypt.columns names [users.username], which is not an "
					+ "encrypted column; the encrypted columns are [health_checks.basic_auth_password, "
					+ "oidc_settings.client_secret, smtp_settings.smtp_password, users.totp_secret]");
		assertThat(encryptedCount(database)).isZero();
	}

	private ForkedPatchManager.Result migrate(TestDatabase database, Path keys, String... extra) throws Exception {
		List<String> args = database.migrateSecrets(keys, extra);
		args.add(COLUMNS);
		return ForkedPatchManager.run(this.temporary, args, Map.of(PASSWORD_VARIABLE, PASSWORD), "");
	}

	/**
	 * Fill a database of the current schema as Jasypt's Hibernate types left it: SMTP
	 * password and TOTP secrets encrypted with the Jasypt library's defaults, one TOTP
	 * secret with another password, the OIDC client secret in plaintext.
	 */
	private Map<String, String> fillJasyptDatabase(TestDatabase database) {
		FluentConfiguration configuration = Flyway.configure()
			.dataSource(database.url(), database.username(), database.password())
			.locations("classpath:db/migration/common", "classpath:db/migration/" + database.vendor());
		if (database.schema() != null) {
			configuration.defaultSchema(database.schema());
		}
		configuration.load().migrate();
		StandardPBEStringEncryptor jasypt = new StandardPBEStringEncryptor();
		jasypt.setPassword(PASSWORD);
		JdbcClient jdbc = database.jdbcClient();
		Map<String, String> secrets = new LinkedHashMap<>();
		jdbc.sql("INSERT INTO oidc_settings (id, issuer, client_id, client_secret) VALUES (1, "
				+ "'https://id.example.test', 'patch-manager', 'plaintext-oidc-secret')")
			.update();
		jdbc.sql("INSERT INTO smtp_settings (id, host, port, username, smtp_password) VALUES (1, "
				+ "'smtp.example.test', 25, 'mailer', ?)")
			.param(jasypt.encrypt("jasypt-smtp-pässword"))
			.update();
		secrets.put("smtp#1", "jasypt-smtp-pässword");
		for (int i = 1; i <= USERS; i++) {
			String secret = "JASYPTTOTPSECRET" + Integer.toString(i, 32).toUpperCase();
			jdbc.sql("INSERT INTO users (id, username, totp_secret) VALUES (?, ?, ?)")
				.params(i, "user-" + i, jasypt.encrypt(secret))
				.update();
			secrets.put("users#" + i, secret);
		}
		jdbc.sql("INSERT INTO users (id, username, totp_secret) VALUES (?, ?, ?)")
			.params(FOREIGN_USER, "user-from-elsewhere", foreignValue())
			.update();
		return secrets;
	}

	/**
	 * A value written with another password that the configured password cannot decrypt,
	 * not even to noise (with DES that happens now and then, and would be refused too).
	 */
	private static String foreignValue() {
		StandardPBEStringEncryptor other = new StandardPBEStringEncryptor();
		other.setPassword("another-install-password");
		LegacyPbeDecryptor configured = new LegacyPbeDecryptor(PASSWORD, LegacyPbeDecryptor.DEFAULT_ALGORITHM,
				LegacyPbeDecryptor.DEFAULT_ITERATIONS, LegacyPbeDecryptor.DEFAULT_IV_GENERATOR,
				LegacyPbeDecryptor.DEFAULT_SALT_GENERATOR, LegacyPbeDecryptor.DEFAULT_STRING_OUTPUT_TYPE, null);
		while (true) {
			String value = other.encrypt("FOREIGNTOTPSECRET");
			try {
				configured.decrypt(value);
			}
			catch (IllegalArgumentException ex) {
				if (ex.getMessage().startsWith("cannot be decrypted")) {
					return value;
				}
			}
		}
	}

	private void assertSecretsDecrypt(TestDatabase database, Path keys, Map<String, String> secrets) {
		AesGcmEncryptor encryptor = new AesGcmEncryptor(
				KeyRing.of(List.of(new KeyFileStore(keys).load("secret-encryption"))));
		JdbcClient jdbc = database.jdbcClient();
		Map<String, String> found = new LinkedHashMap<>();
		String smtp = jdbc.sql("SELECT smtp_password FROM smtp_settings WHERE id = 1").query(String.class).single();
		found.put("smtp#1", encryptor.decrypt("secret-encryption", smtp, "smtp_settings.smtp_password".getBytes()));
		jdbc.sql("SELECT id, totp_secret FROM users WHERE id <> ? ORDER BY id")
			.param(FOREIGN_USER)
			.query((rs, row) -> found.put("users#" + rs.getLong(1),
					encryptor.decrypt("secret-encryption", rs.getString(2), "users.totp_secret".getBytes())))
			.list();
		assertThat(found).isEqualTo(secrets);
	}

	private String totpSecret(TestDatabase database, long id) {
		return database.jdbcClient()
			.sql("SELECT totp_secret FROM users WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	private long encryptedCount(TestDatabase database) {
		return database.jdbcClient()
			.sql("SELECT (SELECT count(*) FROM users WHERE totp_secret LIKE 'se1:%') + "
					+ "(SELECT count(*) FROM smtp_settings WHERE smtp_password LIKE 'se1:%') + "
					+ "(SELECT count(*) FROM oidc_settings WHERE client_secret LIKE 'se1:%')")
			.query(Long.class)
			.single();
	}

}
