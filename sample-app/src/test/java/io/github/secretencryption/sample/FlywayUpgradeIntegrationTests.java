package io.github.secretencryption.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.github.secretencryption.NotEncryptedValueException;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.sample.healthcheck.HealthCheck;
import io.github.secretencryption.sample.healthcheck.HealthCheckRepository;
import io.github.secretencryption.sample.settings.OidcSettings;
import io.github.secretencryption.sample.settings.OidcSettingsRepository;
import io.github.secretencryption.sample.settings.SmtpSettings;
import io.github.secretencryption.sample.settings.SmtpSettingsRepository;
import io.github.secretencryption.sample.support.PatchManager;
import io.github.secretencryption.sample.support.TestDatabase;
import io.github.secretencryption.sample.support.TestDatabaseExtension;
import io.github.secretencryption.sample.user.UserAccount;
import io.github.secretencryption.sample.user.UserAccountRepository;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The upgrade of a database created by a release that stored secrets as plaintext:
 * migrated to version 1 only, filled with legacy rows, then started with the current
 * application, whose migrations widen the secret columns for ciphertext. Subclasses
 * choose the database.
 */
abstract class FlywayUpgradeIntegrationTests {

	private static final String LONG_SECRET = "0123456789".repeat(20);

	private static final String APPLIED_VERSIONS = "SELECT \"version\" FROM \"flyway_schema_history\" "
			+ "WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"";

	@TempDir
	Path temporary;

	/**
	 * Return the extension that creates the databases of the test class.
	 * @return the extension
	 */
	protected abstract TestDatabaseExtension databases();

	@Test
	void upgradeWidensTheSecretColumnsForCiphertextOfLongSecrets() {
		TestDatabase database = databases().createDatabase();
		migrate(database, "1");
		JdbcClient jdbc = database.jdbcClient();
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> jdbc.sql("INSERT INTO users (username, totp_secret) VALUES ('wide', ?)")
				.param("A".repeat(65))
				.update());
		try (ConfigurableApplicationContext context = PatchManager.start(database, this.temporary.resolve("keys"),
				"--spring.main.web-application-type=none")) {
			assertThat(jdbc.sql(APPLIED_VERSIONS).query(String.class).list()).containsExactly("1", "2");
			context.getBean(OidcSettingsRepository.class)
				.save(new OidcSettings("https://login.example.com", "patch-manager", LONG_SECRET));
			context.getBean(SmtpSettingsRepository.class)
				.save(new SmtpSettings("smtp.example.com", 587, "mailer", LONG_SECRET));
			context.getBean(UserAccountRepository.class).save(new UserAccount("carol", LONG_SECRET));
			context.getBean(HealthCheckRepository.class)
				.save(new HealthCheck("web-1", "https://web-1.example.com/health", "probe", LONG_SECRET));
			AesGcmEncryptor encryptor = context.getBean(AesGcmEncryptor.class);
			assertCiphertextOfLongSecret(encryptor, jdbc, "oidc_settings", "client_secret", "secret-encryption");
			assertCiphertextOfLongSecret(encryptor, jdbc, "smtp_settings", "smtp_password", "secret-encryption");
			assertCiphertextOfLongSecret(encryptor, jdbc, "users", "totp_secret", "secret-encryption");
			assertCiphertextOfLongSecret(encryptor, jdbc, "health_checks", "basic_auth_password", "health-check");
			assertThat(context.getBean(UserAccountRepository.class).findByUsername("carol"))
				.hasValueSatisfying((user) -> assertThat(user.getTotpSecret()).isEqualTo(LONG_SECRET));
		}
	}

	@Test
	void upgradeKeepsLegacyPlaintextRowsWhichReadAsNotEncrypted() {
		TestDatabase database = databases().createDatabase();
		migrate(database, "1");
		JdbcClient jdbc = database.jdbcClient();
		jdbc.sql("INSERT INTO users (username, totp_secret) VALUES ('legacy', 'GEZDGNBVGY3TQOJQ')").update();
		jdbc.sql("INSERT INTO health_checks (name, url, username, basic_auth_password) "
				+ "VALUES ('legacy', 'https://legacy.example.com/health', 'probe', 'legacy-password')")
			.update();
		try (ConfigurableApplicationContext context = PatchManager.start(database, this.temporary.resolve("keys"),
				"--spring.main.web-application-type=none")) {
			assertThat(jdbc.sql("SELECT totp_secret FROM users WHERE username = 'legacy'").query(String.class).single())
				.isEqualTo("GEZDGNBVGY3TQOJQ");
			assertThatExceptionOfType(NotEncryptedValueException.class)
				.isThrownBy(() -> context.getBean(UserAccountRepository.class).findByUsername("legacy"))
				.withMessageContaining("users.totp_secret")
				.withMessageNotContaining("GEZDGNBVGY3TQOJQ");
			assertThatExceptionOfType(NotEncryptedValueException.class)
				.isThrownBy(() -> context.getBean(HealthCheckRepository.class).findAll())
				.withMessageContaining("health_checks.basic_auth_password")
				.withMessageNotContaining("legacy-password");
		}
	}

	private void migrate(TestDatabase database, String target) {
		FluentConfiguration configuration = Flyway.configure()
			.dataSource(database.url(), database.username(), database.password())
			.locations("classpath:db/migration/common", "classpath:db/migration/" + database.vendor())
			.target(target);
		if (database.schema() != null) {
			configuration.defaultSchema(database.schema());
		}
		configuration.load().migrate();
	}

	private void assertCiphertextOfLongSecret(AesGcmEncryptor encryptor, JdbcClient jdbc, String table, String column,
			String keyName) {
		List<String> values = jdbc.sql("SELECT " + column + " FROM " + table).query(String.class).list();
		assertThat(values).singleElement().satisfies((value) -> {
			assertThat(value).startsWith("se1:").hasSizeGreaterThan(LONG_SECRET.length()).doesNotContain(LONG_SECRET);
			assertThat(encryptor.decrypt(keyName, value, (table + "." + column).getBytes(StandardCharsets.UTF_8)))
				.isEqualTo(LONG_SECRET);
		});
	}

}
