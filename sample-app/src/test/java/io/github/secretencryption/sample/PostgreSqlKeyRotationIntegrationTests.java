package io.github.secretencryption.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyId;
import io.github.secretencryption.sample.support.ForkedPatchManager;
import io.github.secretencryption.sample.support.TestDatabase;
import io.github.secretencryption.sample.support.TestDatabaseExtension;
import io.github.secretencryption.sample.support.TotpCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rotation while the application runs: two instances of the patch manager, each in a
 * JVM of its own, share one key directory and one PostgreSQL database while
 * {@code rotate-key} adds a key and promotes it. Each instance takes in the new key
 * without a restart, writes with it once it is the primary key, and reads what the other
 * instance wrote before and after.
 */
class PostgreSqlKeyRotationIntegrationTests {

	@RegisterExtension
	static final TestDatabaseExtension databases = TestDatabaseExtension.postgreSql();

	private static final String NAME = "secret-encryption";

	private static final SecureRandom random = new SecureRandom();

	@TempDir
	Path temporary;

	private final List<ForkedPatchManager.Running> running = new ArrayList<>();

	@AfterEach
	void stopInstances() {
		for (ForkedPatchManager.Running instance : this.running) {
			instance.process().destroy();
		}
	}

	@Test
	void twoRunningInstancesTakeInAnAddedKeyAndShareValuesAcrossThePromotion() throws Exception {
		TestDatabase database = databases.createDatabase();
		Path keys = this.temporary.resolve("keys");
		Instance first = start(database, keys);
		Instance second = start(database, keys);
		KeyId former = first.primaryKeyId();
		assertThat(second.primaryKeyId()).isEqualTo(former);
		String aliceSecret = first.createUserWithTotp("alice");
		assertThat(second.verifies("alice", aliceSecret)).isTrue();

		ForkedPatchManager.Result add = command(keys, "rotate-key", NAME);
		assertThat(add.exitCode()).as(add.out() + add.err()).isZero();
		KeyId added = new KeyFileStore(keys).listKeyIds(NAME).get(0);
		ForkedPatchManager.Result early = command(keys, "rotate-key", NAME, "--promote");
		assertThat(early.exitCode()).isEqualTo(1);
		assertThat(early.out()).contains("so wait ").contains("--insecure-skip-wait");
		first.awaitKeys((keyIds) -> keyIds.contains(added.toString()));
		second.awaitKeys((keyIds) -> keyIds.contains(added.toString()));
		assertThat(first.primaryKeyId()).isEqualTo(former);

		awaitPromotion(keys);
		first.awaitKeys((keyIds) -> keyIds.get(0).equals(added.toString()));
		second.awaitKeys((keyIds) -> keyIds.get(0).equals(added.toString()));

		String bobSecret = first.createUserWithTotp("bob");
		String carolSecret = second.createUserWithTotp("carol");
		assertThat(keyIdOf(database, "bob")).isEqualTo(added);
		assertThat(keyIdOf(database, "carol")).isEqualTo(added);
		assertThat(keyIdOf(database, "alice")).isEqualTo(former);
		assertThat(second.verifies("bob", bobSecret)).isTrue();
		assertThat(first.verifies("carol", carolSecret)).isTrue();
		assertThat(first.verifies("alice", aliceSecret)).isTrue();
		assertThat(second.verifies("alice", aliceSecret)).isTrue();
		assertThat(first.log() + second.log()).contains("Reloaded key '" + NAME + "': primary key id " + added)
			.doesNotContain(aliceSecret)
			.doesNotContain(bobSecret);
	}

	private void awaitPromotion(Path keys) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			ForkedPatchManager.Result promote = command(keys, "rotate-key", NAME, "--promote");
			if (promote.exitCode() == 0) {
				assertThat(promote.out()).contains("is now the primary key of '" + NAME + "'");
				return;
			}
			assertThat(promote.out()).contains("so wait ");
			assertThat(System.nanoTime()).as("promotion within a minute").isLessThan(deadline);
			Thread.sleep(500);
		}
	}

	private static KeyId keyIdOf(TestDatabase database, String username) {
		String value = database.jdbcClient()
			.sql("select totp_secret from users where username = ?")
			.param(username)
			.query(String.class)
			.single();
		return AesGcmEncryptor.keyIdOf(value);
	}

	private ForkedPatchManager.Result command(Path keys, String... args) throws Exception {
		List<String> arguments = new ArrayList<>(List.of(args));
		arguments.add("--secret-encryption.key-directory=" + keys);
		arguments.add("--secret-encryption.key-reload-interval=5s");
		return ForkedPatchManager.run(this.temporary, arguments);
	}

	private Instance start(TestDatabase database, Path keys) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		List<String> arguments = new ArrayList<>(database.commandLineArguments());
		arguments.add("--secret-encryption.key-directory=" + keys);
		arguments.add("--secret-encryption.key-reload-interval=5s");
		arguments.add("--server.address=127.0.0.1");
		arguments.add("--server.port=" + port);
		arguments.add("--spring.main.banner-mode=off");
		ForkedPatchManager.Running process = ForkedPatchManager.start(this.temporary, arguments);
		this.running.add(process);
		Instance instance = new Instance(process, RestClient.create("http://127.0.0.1:" + port));
		instance.awaitStarted();
		return instance;
	}

	private record Instance(ForkedPatchManager.Running running, RestClient client) {

		void awaitStarted() throws Exception {
			long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
			while (System.nanoTime() < deadline) {
				assertThat(this.running.process().isAlive()).as(() -> read(this.running.out())).isTrue();
				try {
					this.client.get().uri("/actuator/health").retrieve().toBodilessEntity();
					return;
				}
				catch (RestClientException ex) {
					Thread.sleep(250);
				}
			}
			throw new IllegalStateException("Instance did not start within two minutes: " + read(this.running.err()));
		}

		String log() throws IOException {
			return Files.readString(this.running.out()) + Files.readString(this.running.err());
		}

		KeyId primaryKeyId() {
			return KeyId.parse(keyIds().get(0));
		}

		@SuppressWarnings("unchecked")
		List<String> keyIds() {
			Map<String, Object> body = this.client.get()
				.uri("/actuator/secretencryption")
				.retrieve()
				.body(new ParameterizedTypeReference<Map<String, Object>>() {
				});
			List<Map<String, Object>> keys = (List<Map<String, Object>>) body.get("keys");
			return keys.stream()
				.filter((key) -> NAME.equals(key.get("name")))
				.map((key) -> (List<String>) key.get("keyIds"))
				.findFirst()
				.orElseThrow();
		}

		void awaitKeys(Predicate<List<String>> condition) throws InterruptedException {
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (!condition.test(keyIds())) {
				assertThat(System.nanoTime()).as(() -> "keys " + keyIds() + " within 30 s").isLessThan(deadline);
				Thread.sleep(100);
			}
		}

		String createUserWithTotp(String username) {
			String secret = randomBase32();
			this.client.post()
				.uri("/api/users")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"username\":\"" + username + "\"}")
				.retrieve()
				.toBodilessEntity();
			this.client.put()
				.uri("/api/users/{username}/totp", username)
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"secret\":\"" + secret + "\"}")
				.retrieve()
				.toBodilessEntity();
			return secret;
		}

		boolean verifies(String username, String secret) {
			Map<String, Object> result = this.client.post()
				.uri("/api/users/{username}/totp/verify", username)
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"code\":\"" + TotpCodes.at(secret, Instant.now()) + "\"}")
				.retrieve()
				.body(new ParameterizedTypeReference<Map<String, Object>>() {
				});
			return Boolean.TRUE.equals(result.get("valid"));
		}

		private static String read(Path file) {
			try {
				return Files.readString(file);
			}
			catch (IOException ex) {
				return "(unreadable: " + ex + ")";
			}
		}

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
