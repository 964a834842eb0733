package io.github.secretencryption.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.github.secretencryption.KeyLossException;
import io.github.secretencryption.sample.support.PatchManager;
import io.github.secretencryption.sample.support.TestDatabase;
import io.github.secretencryption.sample.support.TestDatabaseExtension;
import io.github.secretencryption.sample.support.TotpCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Restarts of the whole application on the same database: the keys it created on first
 * start are loaded again, and secrets stored before the restart are still usable.
 * Subclasses choose the database.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class RestartIntegrationTests {

	private static final String TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	private static final String OTHER_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	@TempDir
	Path temporary;

	/**
	 * Return the extension that creates the databases of the test class.
	 * @return the extension
	 */
	protected abstract TestDatabaseExtension databases();

	@Test
	void totpSecretStoredBeforeARestartStillVerifiesCodes() throws Exception {
		TestDatabase database = databases().createDatabase();
		Path keys = this.temporary.resolve("keys");
		try (ConfigurableApplicationContext context = PatchManager.start(database, keys)) {
			setUpTotp(PatchManager.client(context));
		}
		byte[] key = Files.readAllBytes(keys.resolve("secret-encryption.key"));
		try (ConfigurableApplicationContext context = PatchManager.start(database, keys)) {
			RestClient client = PatchManager.client(context);
			assertThat(verify(client, TotpCodes.at(TOTP_SECRET, Instant.now()))).isTrue();
			assertThat(verify(client, TotpCodes.wrongAt(TOTP_SECRET, Instant.now()))).isFalse();
			assertThat(client.get().uri("/api/users/alice").retrieve().body(String.class))
				.contains("\"totpSecret\":\"MASKED\"");
		}
		assertThat(keys.resolve("secret-encryption.key")).hasBinaryContent(key);
	}

	@Test
	void startWithoutTheKeysOfStoredSecretsIsRefused() {
		TestDatabase database = databases().createDatabase();
		try (ConfigurableApplicationContext context = PatchManager.start(database,
				this.temporary.resolve("lost-keys"))) {
			setUpTotp(PatchManager.client(context));
		}
		Path newKeys = this.temporary.resolve("new-keys");
		assertThatExceptionOfType(KeyLossException.class)
			.isThrownBy(() -> PatchManager.start(database, newKeys).close())
			.withMessageContaining("Key 'secret-encryption' in " + newKeys.resolve("secret-encryption.key"))
			.withMessageContaining("users.totp_secret (1 row)")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(TOTP_SECRET));
	}

	@Test
	void secretsStoredUnderLostKeysAreRefusedWithoutDetailToTheClient(CapturedOutput output) {
		TestDatabase database = databases().createDatabase();
		try (ConfigurableApplicationContext context = PatchManager.start(database,
				this.temporary.resolve("lost-keys"))) {
			setUpTotp(PatchManager.client(context));
		}
		try (ConfigurableApplicationContext context = PatchManager.start(database, this.temporary.resolve("new-keys"),
				"--secret-encryption.key-registry.accept-key-loss=secret-encryption,health-check")) {
			ResponseEntity<String> response = PatchManager.client(context)
				.get()
				.uri("/api/users/alice")
				.retrieve()
				.onStatus(HttpStatusCode::isError, (request, ignored) -> {
				})
				.toEntity(String.class);
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
			assertThat(response.getBody()).contains("A stored secret cannot be used")
				.doesNotContain("se1:")
				.doesNotContain(TOTP_SECRET)
				.doesNotContain("Exception");
		}
		assertThat(output.getAll()).contains("Stored secret cannot be used")
			.contains("users.totp_secret")
			.doesNotContain(TOTP_SECRET);
	}

	@Test
	void aSecretUnderALostKeyIsKeptUntilTheOperatorClearsItThenTheApiTakesANewOne() {
		TestDatabase database = databases().createDatabase();
		try (ConfigurableApplicationContext context = PatchManager.start(database,
				this.temporary.resolve("lost-keys"))) {
			setUpTotp(PatchManager.client(context));
		}
		String lost = storedTotpSecret(database);
		try (ConfigurableApplicationContext context = PatchManager.start(database, this.temporary.resolve("new-keys"),
				"--secret-encryption.key-registry.accept-key-loss=secret-encryption,health-check")) {
			RestClient client = PatchManager.client(context);
			// The value could still come back with a restored key, so a new secret does
			// not
			// overwrite it
			ResponseEntity<String> refused = client.put()
				.uri("/api/users/alice/totp")
				.body(Map.of("secret", OTHER_TOTP_SECRET))
				.retrieve()
				.onStatus(HttpStatusCode::isError, (request, ignored) -> {
				})
				.toEntity(String.class);
			assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
			assertThat(storedTotpSecret(database)).isEqualTo(lost);
			// The runbook's re-provisioning: clear the column, then set the secret again
			assertThat(database.jdbcClient().sql("UPDATE users SET totp_secret = NULL").update()).isOne();
			assertThat(client.put()
				.uri("/api/users/alice/totp")
				.body(Map.of("secret", OTHER_TOTP_SECRET))
				.retrieve()
				.body(String.class)).contains("\"totpSecret\":\"MASKED\"");
			assertThat(verify(client, TotpCodes.at(OTHER_TOTP_SECRET, Instant.now()))).isTrue();
		}
		assertThat(storedTotpSecret(database)).startsWith("se1:").isNotEqualTo(lost);
	}

	private String storedTotpSecret(TestDatabase database) {
		return database.jdbcClient()
			.sql("SELECT totp_secret FROM users WHERE username = 'alice'")
			.query(String.class)
			.single();
	}

	private void setUpTotp(RestClient client) {
		assertThat(client.post()
			.uri("/api/users")
			.body(Map.of("username", "alice"))
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(client.put()
			.uri("/api/users/alice/totp")
			.body(Map.of("secret", TOTP_SECRET))
			.retrieve()
			.body(String.class)).contains("\"totpSecret\":\"MASKED\"");
	}

	private boolean verify(RestClient client, String code) {
		Map<?, ?> result = client.post()
			.uri("/api/users/alice/totp/verify")
			.body(Map.of("code", code))
			.retrieve()
			.body(Map.class);
		assertThat(result).isNotNull();
		return Boolean.TRUE.equals(result.get("valid"));
	}

}
