package io.github.secretencryption.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyId;
import io.github.secretencryption.keys.KeyRing;
import io.github.secretencryption.keys.KeyRingReloader;
import io.github.secretencryption.sample.support.PatchManager;
import io.github.secretencryption.sample.support.TestDatabase;
import io.github.secretencryption.sample.support.TestDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees of the keys of a running patch manager: the
 * {@code secretEncryption} health contributor, the {@code secretencryption} endpoint, and
 * {@code verify-keys} run as a separate process on the same key directory. Subclasses
 * choose the database.
 */
abstract class KeyOperationsIntegrationTests {

	@TempDir
	Path temporary;

	protected abstract TestDatabaseExtension databases();

	@Test
	void healthAndEndpointShowTheKeysAndTurnDownWhenAKeyFileIsExposedOrReplaced() throws Exception {
		Path keys = this.temporary.resolve("keys");
		try (ConfigurableApplicationContext context = PatchManager.start(databases().createDatabase(), keys)) {
			RestClient client = PatchManager.client(context);
			saveSmtpPassword(client, "pw-1");
			Map<String, Object> health = health(client);
			assertThat(health).containsEntry("status", "UP");
			assertThat(health.toString()).contains("path=" + keys.resolve("secret-encryption.key"))
				.contains("mode=600")
				.contains("size=32")
				.contains("smtp_settings.smtp_password=OK");
			String endpoint = client.get().uri("/actuator/secretencryption").retrieve().body(String.class);
			assertThat(endpoint).contains("\"name\":\"secret-encryption\"")
				.contains("\"columns\":[\"oidc_settings.client_secret\",\"smtp_settings.smtp_password\","
						+ "\"users.totp_secret\"]")
				.contains("\"columns\":[\"health_checks.basic_auth_password\"]")
				.contains("\"mode\":\"600\"")
				.contains("\"size\":32")
				.doesNotContain(hex(Files.readAllBytes(keys.resolve("secret-encryption.key"))));
			String keyId = context.getBean(KeyRing.class).getPrimary("secret-encryption").getId().toString();
			assertThat(endpoint).contains("\"path\":\"" + keys.resolve("secret-encryption.key") + "\"")
				.contains("\"keyId\":\"" + keyId + "\"")
				.contains("\"lastModified\":\""
						+ Files.getLastModifiedTime(keys.resolve("secret-encryption.key")).toInstant());

			Path healthKey = keys.resolve("health-check.key");
			Files.setPosixFilePermissions(healthKey, PosixFilePermissions.fromString("rw-r--r--"));
			assertThat(health(client)).containsEntry("status", "DOWN");
			assertThat(health(client).toString()).contains("lets group or others access it");
			Files.setPosixFilePermissions(healthKey, PosixFilePermissions.fromString("rw-------"));
			assertThat(health(client)).containsEntry("status", "UP");

			byte[] other = new byte[32];
			new SecureRandom().nextBytes(other);
			Path secretKey = keys.resolve("secret-encryption.key");
			byte[] original = Files.readAllBytes(secretKey);
			Files.write(secretKey, other);
			assertThat(health(client)).containsEntry("status", "DOWN");
			assertThat(health(client).toString()).contains("Key file now holds key id");
			Files.write(secretKey, original);
			assertThat(health(client)).containsEntry("status", "UP");
		}
	}

	@Test
	void healthTurnsDownWhileAStoredValueDoesNotDecryptAndNamesItsColumn() throws Exception {
		TestDatabase database = databases().createDatabase();
		try (ConfigurableApplicationContext context = PatchManager.start(database, this.temporary.resolve("keys"))) {
			RestClient client = PatchManager.client(context);
			saveSmtpPassword(client, "pw-2");
			assertThat(health(client)).containsEntry("status", "UP");
			String stored = database.jdbcClient()
				.sql("SELECT smtp_password FROM smtp_settings")
				.query(String.class)
				.single();
			// One character of the ciphertext changed, as a damaged backup or a hand edit
			// would
			int last = stored.length() - 3;
			String damaged = stored.substring(0, last) + ((stored.charAt(last) == 'A') ? 'B' : 'A')
					+ stored.substring(last + 1);
			database.jdbcClient().sql("UPDATE smtp_settings SET smtp_password = ?").param(damaged).update();
			Map<String, Object> health = health(client);
			assertThat(health).containsEntry("status", "DOWN");
			assertThat(health.toString()).contains("smtp_settings.smtp_password=")
				.contains("oidc_settings.client_secret=OK")
				.doesNotContain("smtp_settings.smtp_password=OK")
				.doesNotContain("pw-2");
			database.jdbcClient().sql("UPDATE smtp_settings SET smtp_password = ?").param(stored).update();
			assertThat(health(client)).containsEntry("status", "UP");
		}
	}

	@Test
	void healthTurnsDownWhenTheFileOfAKeptKeyGoesMissingWithoutRetirement() throws Exception {
		Path keys = this.temporary.resolve("keys");
		try (ConfigurableApplicationContext context = PatchManager.start(databases().createDatabase(), keys)) {
			RestClient client = PatchManager.client(context);
			KeyId old = context.getBean(KeyRing.class).getPrimary("secret-encryption").getId();
			KeyFileStore store = new KeyFileStore(keys);
			store.promote("secret-encryption", store.addKey("secret-encryption").getId());
			context.getBean(KeyRingReloader.class).reload();
			assertThat(health(client)).containsEntry("status", "UP");
			Path kept = store.fileOf("secret-encryption", old);
			Path aside = Files.move(kept, this.temporary.resolve("aside.key"));
			assertThat(health(client)).containsEntry("status", "DOWN");
			assertThat(health(client).toString()).contains("Key file " + kept + " of key id " + old
					+ ", which this process still reads with, is " + "missing and was not retired");
			Files.move(aside, kept);
			assertThat(health(client)).containsEntry("status", "UP");
			store.retire("secret-encryption", old);
			assertThat(health(client)).containsEntry("status", "UP");
		}
	}

	@Test
	void verifyKeysPrintsOneLinePerKeyWhileTheApplicationRuns() throws Exception {
		Path keys = this.temporary.resolve("keys");
		try (ConfigurableApplicationContext context = PatchManager.start(databases().createDatabase(), keys)) {
			Result result = run("verify-keys", "--secret-encryption.key-directory=" + keys);
			assertThat(result.exitCode()).isZero();
			assertThat(result.out().lines()).containsExactly(
					"[OK] " + keys.resolve("secret-encryption.key") + " mode=600 size=32",
					"[OK] " + keys.resolve("health-check.key") + " mode=600 size=32",
					"[OK] " + keys.resolve("config.key") + " mode=600 size=32");
		}
		Files.write(keys.resolve("health-check.key"), new byte[33]);
		Result broken = run("verify-keys", "--secret-encryption.key-directory=" + keys);
		assertThat(broken.exitCode()).isEqualTo(1);
		assertThat(broken.out().lines()).contains("[FAIL] " + keys.resolve("health-check.key")
				+ " holds 33 bytes instead of 32; restore the key file from a backup; a key file holds exactly 32 "
				+ "raw bytes and must never be edited");
	}

	private static void saveSmtpPassword(RestClient client, String password) {
		client.put()
			.uri("/api/settings/smtp")
			.body(Map.of("host", "smtp.example.test", "port", 587, "username", "mailer", "password", password))
			.retrieve()
			.toBodilessEntity();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> health(RestClient client) {
		Map<String, Object> health = client.get()
			.uri("/actuator/health")
			.retrieve()
			.onStatus(HttpStatusCode::isError, (request, response) -> {
			})
			.body(Map.class);
		return (Map<String, Object>) ((Map<String, Object>) health.get("components")).get("secretEncryption");
	}

	private Result run(String... args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), PatchManagerApplication.class.getName()));
		command.addAll(List.of(args));
		Path out = Files.createTempFile(this.temporary, "out", ".txt");
		Process process = new ProcessBuilder(command).directory(this.temporary.toFile())
			.redirectOutput(out.toFile())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), Files.readString(out));
	}

	private static String hex(byte[] bytes) {
		return java.util.HexFormat.of().formatHex(bytes);
	}

	record Result(int exitCode, String out) {

	}

}
