package io.github.secretencryption.sample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyId;
import io.github.secretencryption.sample.support.ForkedPatchManager;
import io.github.secretencryption.sample.support.PatchManager;
import io.github.secretencryption.sample.support.TestDatabase;
import io.github.secretencryption.sample.support.TestDatabaseExtension;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follows the rotation runbook end to end on an H2 file database, with the application
 * stopped while each command runs, as H2 requires: a plaintext database of the previous
 * release, {@code migrate-secrets}, {@code rotate-key} add and promote,
 * {@code reencrypt}, {@code key-status} and {@code retire-key}. After every step the
 * application starts and verifies each user's TOTP code through its API, and every stored
 * value decrypts with the keys in the key directory.
 */
class H2KeyRotationRunbookIntegrationTests {

	@RegisterExtension
	static final TestDatabaseExtension databases = TestDatabaseExtension.h2();

	private static final String NAME = "secret-encryption";

	private static final SecureRandom random = new SecureRandom();

	@TempDir
	Path temporary;

	@Test
	void everySecretStaysReadableAtEveryStepOfTheRunbook() throws Exception {
		TestDatabase database = databases.createDatabase();
		Path keys = this.temporary.resolve("keys");
		Map<String, String> totpSecrets = fillLegacyDatabase(database);
		assertReadableThroughTheApi(database, keys, totpSecrets, "--secret-encryption.plaintext-reads=allow");

		assertThat(run(database, keys, "migrate-secrets").exitCode()).isZero();
		KeyFileStore store = new KeyFileStore(keys);
		KeyId former = store.load(NAME).getId();
		assertEveryValueUnder(database, keys, former);
		assertReadableThroughTheApi(database, keys, totpSecrets);

		ForkedPatchManager.Result add = run(database, keys, "rotate-key", NAME);
		assertThat(add.out()).contains("[OK] Added key ");
		ForkedPatchManager.Result promote = run(database, keys, "rotate-key", NAME, "--promote",
				"--insecure-skip-wait");
		assertThat(promote.exitCode()).as(promote.out()).isZero();
		KeyId primary = store.load(NAME).getId();
		assertThat(primary).isNotEqualTo(former);
		assertReadableThroughTheApi(database, keys, totpSecrets);

		ForkedPatchManager.Result reencrypt = run(database, keys, "reencrypt", NAME);
		assertThat(reencrypt.exitCode()).as(reencrypt.out()).isZero();
		assertEveryValueUnder(database, keys, primary);
		assertReadableThroughTheApi(database, keys, totpSecrets);

		ForkedPatchManager.Result status = run(database, keys, "key-status");
		assertThat(status.exitCode()).as(status.out()).isZero();
		assertThat(status.out().lines()).contains("  " + primary + " primary: 6 values",
				"  " + former + " decrypt-only: 0 values");

		ForkedPatchManager.Result retire = run(database, keys, "retire-key", NAME, former.toString(),
				"--insecure-skip-wait");
		assertThat(retire.exitCode()).as(retire.out() + retire.err()).isZero();
		assertThat(retire.out()).contains("[OK] Retired key " + former);
		assertThat(store.loadKeyRing(List.of(NAME)).find(NAME, former)).isNull();
		assertEveryValueUnder(database, keys, primary);
		assertReadableThroughTheApi(database, keys, totpSecrets);
	}

	private void assertReadableThroughTheApi(TestDatabase database, Path keys, Map<String, String> totpSecrets,
			String... arguments) {
		try (ConfigurableApplicationContext context = PatchManager.start(database, keys, arguments)) {
			RestClient client = PatchManager.client(context);
			totpSecrets.forEach(
					(username, secret) -> assertThat(KeyRetirementIntegrationTests.verifies(client, username, secret))
						.as(username)
						.isTrue());
		}
	}

	/**
	 * Check that every stored value decrypts with the keys of the key directory and was
	 * written under the given key.
	 */
	private void assertEveryValueUnder(TestDatabase database, Path keys, KeyId id) {
		AesGcmEncryptor encryptor = new AesGcmEncryptor(new KeyFileStore(keys).loadKeyRing(List.of(NAME)));
		JdbcClient jdbc = database.jdbcClient();
		for (String[] column : new String[][] { { "users", "totp_secret" }, { "smtp_settings", "smtp_password" },
				{ "oidc_settings", "client_secret" } }) {
			List<String> values = jdbc.sql("SELECT " + column[1] + " FROM " + column[0]).query(String.class).list();
			assertThat(values).isNotEmpty();
			for (String value : values) {
				assertThat(AesGcmEncryptor.keyIdOf(value)).isEqualTo(id);
				assertThat(
						encryptor.decrypt(NAME, value, (column[0] + "." + column[1]).getBytes(StandardCharsets.UTF_8)))
					.isNotBlank();
			}
		}
	}

	private Map<String, String> fillLegacyDatabase(TestDatabase database) {
		Flyway.configure()
			.dataSource(database.url(), database.username(), database.password())
			.locations("classpath:db/migration/common", "classpath:db/migration/" + database.vendor())
			.target("1")
			.load()
			.migrate();
		JdbcClient jdbc = database.jdbcClient();
		jdbc.sql("INSERT INTO oidc_settings (id, issuer, client_id, client_secret) VALUES (1, "
				+ "'https://id.example.test', 'patch-manager', 'legacy-oidc-secret')")
			.update();
		jdbc.sql("INSERT INTO smtp_settings (id, host, port, username, smtp_password) VALUES (1, "
				+ "'smtp.example.test', 25, 'mailer', 'legacy-smtp-password')")
			.update();
		Map<String, String> secrets = new LinkedHashMap<>();
		for (int i = 1; i <= 4; i++) {
			String secret = randomBase32();
			jdbc.sql("INSERT INTO users (id, username, totp_secret) VALUES (?, ?, ?)")
				.params(i, "user-" + i, secret)
				.update();
			secrets.put("user-" + i, secret);
		}
		return secrets;
	}

	private ForkedPatchManager.Result run(TestDatabase database, Path keys, String... command) throws Exception {
		List<String> args = new ArrayList<>(List.of(command));
		args.addAll(database.commandLineArguments());
		args.add("--secret-encryption.key-directory=" + keys);
		return ForkedPatchManager.run(this.temporary, args);
	}

	private static String randomBase32() {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		StringBuilder secret = new StringBuilder();
		for (int i = 0; i < 32; i++) {
			secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return secret.toString();
	}

}
