package io.github.secretencryption.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyRing;
import io.github.secretencryption.sample.support.ForkedPatchManager;
import io.github.secretencryption.sample.support.TestDatabase;
import io.github.secretencryption.sample.support.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code key-status} and {@code reencrypt} as separate processes, as an operator
 * does, on a database that holds values under the loaded keys, under a key that is not
 * loaded, and legacy plaintext. Subclasses choose the database.
 */
abstract class KeyUsageCommandsIntegrationTests {

	private static final SecureRandom random = new SecureRandom();

	@TempDir
	Path temporary;

	protected abstract TestDatabaseExtension databases();

	@Test
	void keyStatusCountsValuesAndNamesAMissingKeyAndReencryptReportsWhatItCannotRead() throws Exception {
		TestDatabase database = databases().createDatabase();
		Path keys = this.temporary.resolve("keys");

		ForkedPatchManager.Result empty = run(database, keys, "key-status");
		assertThat(empty.exitCode()).as(empty.err()).isZero();
		// A database command starts the application without its web server
		assertThat(empty.err()).contains("Running command key-status")
			.doesNotContain("Tomcat initialized")
			.doesNotContain("Tomcat started");
		KeyFileStore store = new KeyFileStore(keys);
		EncryptionKey secretKey = store.load("secret-encryption");
		EncryptionKey healthCheckKey = store.load("health-check");
		EncryptionKey configKey = store.load("config");
		assertThat(empty.out().lines()).containsExactly(
				"Key 'secret-encryption', columns [oidc_settings.client_secret, smtp_settings.smtp_password, "
						+ "users.totp_secret]",
				"  " + secretKey.getId() + " primary: 0 values", "  plaintext: 0 values",
				"    oidc_settings.client_secret: 0", "    smtp_settings.smtp_password: 0", "    users.totp_secret: 0",
				"Key 'health-check', columns [health_checks.basic_auth_password]",
				"  " + healthCheckKey.getId() + " primary: 0 values", "  plaintext: 0 values",
				"    health_checks.basic_auth_password: 0", "Key 'config'", "  " + configKey.getId() + " primary",
				"  values in configuration files (ENC(...)) cannot be counted: keep each old key of 'config' until "
						+ "every ENC(...) value has been replaced with fresh encrypt-value output",
				"[OK] every encrypted value is under a loaded key");

		EncryptionKey lost = new EncryptionKey("secret-encryption", randomBytes(), null);
		fill(database, secretKey, healthCheckKey, lost);
		ForkedPatchManager.Result status = run(database, keys, "key-status");
		assertThat(status.exitCode()).as(status.err()).isEqualTo(1);
		assertThat(status.out().lines())
			.containsSequence("  " + secretKey.getId() + " primary: 21 values", "    oidc_settings.client_secret: 1",
					"    users.totp_secret: 20", "  " + lost.getId() + " missing: values cannot be read: 1 value",
					"    users.totp_secret: 1", "  plaintext: 1 value")
			.contains("  " + healthCheckKey.getId() + " primary: 2 values",
					"[FAIL] 1 value is under key ids that no loaded key has and cannot be read; restore those keys "
							+ "from the backup into the key directory");
		assertThat(status.out() + status.err()).doesNotContain("user-secret-1").doesNotContain("LEGACYSECRET");

		ForkedPatchManager.Result reencrypt = run(database, keys, "reencrypt");
		assertThat(reencrypt.exitCode()).as(reencrypt.err()).isEqualTo(1);
		assertThat(reencrypt.out().lines()).contains(
				"[FAIL] users.totp_secret primary key 21: cannot be decrypted, left as it is: Value was encrypted "
						+ "under key id " + lost.getId() + ", which no key named 'secret-encryption' has; restore "
						+ "that key from a backup into the key directory",
				"[WARN] users.totp_secret: 1 plaintext values left as they are",
				"0 values re-encrypted in 4 columns, 1 failed",
				"1 plaintext values were left as they are; encrypt them with migrate-secrets");

		ForkedPatchManager.Result unknown = run(database, keys, "reencrypt", "secret-encrypton");
		assertThat(unknown.exitCode()).isEqualTo(1);
		assertThat(unknown.out().lines()).containsExactly("[FAIL] reencrypt: no key is named 'secret-encrypton'; "
				+ "configured key names are [secret-encryption, health-check, config]");
	}

	private void fill(TestDatabase database, EncryptionKey secretKey, EncryptionKey healthCheckKey,
			EncryptionKey lost) {
		JdbcClient jdbc = database.jdbcClient();
		for (int id = 1; id <= 20; id++) {
			jdbc.sql("INSERT INTO users (id, username, totp_secret) VALUES (?, ?, ?)")
				.params(id, "user-" + id, encrypt(secretKey, "user-secret-" + id, "users.totp_secret"))
				.update();
		}
		jdbc.sql("INSERT INTO users (id, username, totp_secret) VALUES (21, 'user-21', ?)")
			.params(encrypt(lost, "lost-secret", "users.totp_secret"))
			.update();
		jdbc.sql("INSERT INTO users (id, username, totp_secret) VALUES (22, 'user-22', 'LEGACYSECRET')").update();
		jdbc.sql("INSERT INTO oidc_settings (id, issuer, client_id, client_secret) VALUES (1, "
				+ "'https://id.example.test', 'patch-manager', ?)")
			.params(encrypt(secretKey, "oidc-secret", "oidc_settings.client_secret"))
			.update();
		for (int id = 1; id <= 2; id++) {
			jdbc.sql("INSERT INTO health_checks (id, name, url, username, basic_auth_password) VALUES (?, ?, ?, ?, ?)")
				.params(id, "check-" + id, "https://service.example.test/health", "probe",
						encrypt(healthCheckKey, "probe-" + id, "health_checks.basic_auth_password"))
				.update();
		}
	}

	private ForkedPatchManager.Result run(TestDatabase database, Path keys, String... command) throws Exception {
		List<String> args = new ArrayList<>(List.of(command));
		args.addAll(database.commandLineArguments());
		args.add("--secret-encryption.key-directory=" + keys);
		return ForkedPatchManager.run(this.temporary, args);
	}

	private static String encrypt(EncryptionKey key, String plaintext, String associatedData) {
		return new AesGcmEncryptor(KeyRing.of(List.of(key))).encrypt(key.getName(), plaintext,
				associatedData.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return bytes;
	}

}
