package io.github.secretencryption.sample;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyId;
import io.github.secretencryption.sample.support.ForkedPatchManager;
import io.github.secretencryption.sample.support.PatchManager;
import io.github.secretencryption.sample.support.TestDatabase;
import io.github.secretencryption.sample.support.TestDatabaseExtension;
import io.github.secretencryption.sample.support.TotpCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code retire-key} as a separate process, as an operator does, after a rotation:
 * refused while values are under the key, for the primary key and an unknown key, and
 * accepted once {@code reencrypt} moved every value, after which the application starts
 * again and reads every secret. Subclasses choose the database.
 */
abstract class KeyRetirementIntegrationTests {

	private static final String NAME = "secret-encryption";

	private static final String ALICE_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	private static final String BOB_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	@TempDir
	Path temporary;

	protected abstract TestDatabaseExtension databases();

	@Test
	void retireKeyIsRefusedWhileValuesNeedTheKeyAndSetsItAsideAfterReencrypt() throws Exception {
		TestDatabase database = databases().createDatabase();
		Path keys = this.temporary.resolve("keys");
		try (ConfigurableApplicationContext context = PatchManager.start(database, keys)) {
			RestClient client = PatchManager.client(context);
			createUserWithTotp(client, "alice", ALICE_SECRET);
			createUserWithTotp(client, "bob", BOB_SECRET);
			client.put()
				.uri("/api/settings/smtp")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"host\":\"smtp.example.test\",\"port\":587,\"username\":\"mailer\",\"password\":\"smtp-pw\"}")
				.retrieve()
				.toBodilessEntity();
		}
		KeyFileStore store = new KeyFileStore(keys);
		KeyId former = store.load(NAME).getId();
		assertThat(run(database, keys, "rotate-key", NAME).exitCode()).isZero();
		ForkedPatchManager.Result promote = run(database, keys, "rotate-key", NAME, "--promote",
				"--insecure-skip-wait");
		assertThat(promote.exitCode()).as(promote.out()).isZero();
		KeyId primary = store.load(NAME).getId();

		ForkedPatchManager.Result tooEarly = run(database, keys, "retire-key", NAME, former.toString(),
				"--secret-encryption.key-reload-interval=30s");
		assertThat(tooEarly.exitCode()).isEqualTo(1);
		assertThat(tooEarly.out()).contains("[FAIL] Key " + former + " of '" + NAME + "' was the primary key until ")
			.contains("run reencrypt " + NAME + " again, then retire");

		ForkedPatchManager.Result inUse = run(database, keys, "retire-key", NAME, former.toString());
		assertThat(inUse.exitCode()).as(inUse.err()).isEqualTo(1);
		assertThat(inUse.out().lines()).contains(
				"[FAIL] 3 values are still under key " + former + " of '" + NAME + "'; run reencrypt " + NAME
						+ " first, then check with key-status:",
				"    smtp_settings.smtp_password: 1", "    users.totp_secret: 2");
		assertThat(store.fileOf(NAME, former)).exists();

		ForkedPatchManager.Result primaryKey = run(database, keys, "retire-key", NAME, primary.toString());
		assertThat(primaryKey.exitCode()).isEqualTo(1);
		assertThat(primaryKey.out())
			.contains("[FAIL] Key " + primary + " is the primary key of '" + NAME + "' and cannot be retired")
			.contains("then reencrypt " + NAME);
		KeyId configKey = store.load("config").getId();
		ForkedPatchManager.Result configPrimary = run(database, keys, "retire-key", "config", configKey.toString());
		assertThat(configPrimary.exitCode()).isEqualTo(1);
		assertThat(configPrimary.out()).contains("is the primary key of 'config' and cannot be retired")
			.contains("then replace every ENC(...) value with fresh encrypt-value output")
			.doesNotContain("reencrypt config");
		ForkedPatchManager.Result unknown = run(database, keys, "retire-key", NAME, "0badc0de");
		assertThat(unknown.exitCode()).isEqualTo(1);
		assertThat(unknown.out()).contains("[FAIL] Key 0badc0de of '" + NAME + "' is unknown");

		ForkedPatchManager.Result reencrypt = run(database, keys, "reencrypt", NAME);
		assertThat(reencrypt.exitCode()).as(reencrypt.out() + reencrypt.err()).isZero();
		ForkedPatchManager.Result retire = run(database, keys, "retire-key", NAME, former.toString());
		assertThat(retire.exitCode()).as(retire.out() + retire.err()).isZero();
		Path retired = keys.resolve("retired").resolve(NAME + "." + former + ".key");
		assertThat(retire.out()).contains("[OK] Retired key " + former + " of '" + NAME + "': moved to " + retired
				+ "; its record in secret_encryption_keys is removed");
		assertThat(retired).exists();
		assertThat(store.fileOf(NAME, former)).doesNotExist();
		assertThat(recordedKeyIds(database)).contains(primary.toString()).doesNotContain(former.toString());

		try (ConfigurableApplicationContext context = PatchManager.start(database, keys)) {
			RestClient client = PatchManager.client(context);
			assertThat(verifies(client, "alice", ALICE_SECRET)).isTrue();
			assertThat(verifies(client, "bob", BOB_SECRET)).isTrue();
		}
		ForkedPatchManager.Result again = run(database, keys, "retire-key", NAME, former.toString());
		assertThat(again.exitCode()).isEqualTo(1);
		assertThat(again.out()).contains("is retired already, in " + retired);
	}

	private static List<String> recordedKeyIds(TestDatabase database) {
		return database.jdbcClient()
			.sql("select key_id from secret_encryption_keys where key_name = ?")
			.param(NAME)
			.query(String.class)
			.list()
			.stream()
			.map(String::trim)
			.toList();
	}

	static void createUserWithTotp(RestClient client, String username, String secret) {
		client.post()
			.uri("/api/users")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"username\":\"" + username + "\"}")
			.retrieve()
			.toBodilessEntity();
		client.put()
			.uri("/api/users/{username}/totp", username)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"secret\":\"" + secret + "\"}")
			.retrieve()
			.toBodilessEntity();
	}

	static boolean verifies(RestClient client, String username, String secret) {
		Map<String, Object> result = client.post()
			.uri("/api/users/{username}/totp/verify", username)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"code\":\"" + TotpCodes.at(secret, Instant.now()) + "\"}")
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, Object>>() {
			});
		return Boolean.TRUE.equals(result.get("valid"));
	}

	private ForkedPatchManager.Result run(TestDatabase database, Path keys, String... command) throws Exception {
		List<String> args = new ArrayList<>(List.of(command));
		args.addAll(database.commandLineArguments());
		args.add("--secret-encryption.key-directory=" + keys);
		if (args.stream().noneMatch((arg) -> arg.startsWith("--secret-encryption.key-reload-interval="))) {
			args.add("--secret-encryption.key-reload-interval=1s");
		}
		return ForkedPatchManager.run(this.temporary, args);
	}

}
