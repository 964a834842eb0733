package io.github.secretencryption.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.github.secretencryption.KeyLossException;
import io.github.secretencryption.autoconfigure.KeyRegistryTableMissingException;
import io.github.secretencryption.jpa.Account;
import io.github.secretencryption.jpa.AccountRepository;
import io.github.secretencryption.jpa.JpaTestApplication;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyId;
import io.github.secretencryption.keys.KeyRing;
import io.github.secretencryption.keys.KeyRingReloader;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Starts an application several times on one database with the same or other key
 * directories, as replicas, restores and lost keys do. Run on each database by a
 * subclass.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class KeyLossGuardIntegrationTests {

	@TempDir
	Path temp;

	private Map<String, String> database;

	private boolean schemaCreated;

	@BeforeEach
	void freshDatabase() {
		this.database = freshDatabase("key_loss");
	}

	abstract Map<String, String> freshDatabase(String name);

	@Test
	void recordsKeyIdsAndRestartsWithTheSameKeys() {
		Path keys = this.temp.resolve("keys");
		String id;
		try (ConfigurableApplicationContext context = start(keys)) {
			saveAccount(context, "first-secret");
			id = context.getBean(KeyRing.class).getPrimary("secret-encryption").getId().toString();
			assertThat(context.getBean(JdbcTemplate.class)
				.queryForList("select key_id from secret_encryption_keys where key_name = 'secret-encryption'",
						String.class))
				.containsExactly(id);
		}
		try (ConfigurableApplicationContext context = start(keys)) {
			assertThat(context.getBean(AccountRepository.class).findAll()).extracting(Account::getApiToken)
				.containsExactly("first-secret");
		}
	}

	@Test
	void recordsTheIdOfAKeyAddedWhileRunning() {
		Path keys = this.temp.resolve("keys");
		try (ConfigurableApplicationContext context = start(keys)) {
			KeyFileStore store = new KeyFileStore(keys);
			EncryptionKey added = store.addKey("secret-encryption");
			store.promote("secret-encryption", added.getId());
			context.getBean(KeyRingReloader.class).reload();
			assertThat(context.getBean(JdbcTemplate.class)
				.queryForList("select key_id from secret_encryption_keys where key_name = 'secret-encryption'",
						String.class))
				.hasSize(2)
				.contains(added.getId().toString());
		}
	}

	@Test
	void aKeyRetiredWhileRunningIsNotRecordedAgainByALaterReload() {
		Path keys = this.temp.resolve("keys");
		KeyFileStore store = new KeyFileStore(keys);
		try (ConfigurableApplicationContext context = start(keys)) {
			KeyRingReloader reloader = context.getBean(KeyRingReloader.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			KeyId first = context.getBean(KeyRing.class).getPrimary("secret-encryption").getId();
			KeyId second = store.addKey("secret-encryption").getId();
			store.promote("secret-encryption", second);
			reloader.reload();
			// What retire-key does once no value needs the first key; this process keeps
			// it
			store.retire("secret-encryption", first);
			new KeyIdRecords(jdbc).remove("secret-encryption", first);
			KeyId third = store.addKey("secret-encryption").getId();
			reloader.reload();
			assertThat(context.getBean(KeyRing.class).getKeys("secret-encryption")).extracting(EncryptionKey::getId)
				.contains(first, second, third);
			assertThat(jdbc.queryForList(
					"select key_id from secret_encryption_keys where key_name = 'secret-encryption'", String.class))
				.containsExactlyInAnyOrder(second.toString(), third.toString());
		}
		start(keys).close();
	}

	@Test
	void refusesToStartWithAKeyDirectoryThatLostItsKeys(CapturedOutput output) {
		Path keys = this.temp.resolve("keys");
		try (ConfigurableApplicationContext context = start(keys)) {
			saveAccount(context, "kept-secret");
		}
		Path replica = this.temp.resolve("replica-keys");
		Path file = replica.resolve("secret-encryption.key").toAbsolutePath();
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> start(replica)).satisfies((ex) -> {
			KeyLossException cause = keyLossIn(ex);
			assertThat(cause.getProblem()).startsWith("Key 'secret-encryption' in " + file + " has id ")
				.contains("test_accounts.api_token (1 row)")
				.contains("test_accounts.renamed_token")
				.doesNotContain("kept-secret");
			assertThat(cause.getAction()).startsWith("Stop, restore " + file)
				.contains("secret-encryption.key-registry.accept-key-loss=secret-encryption")
				.contains(file + " was written after this process started: most likely this start created it in "
						+ "place of a missing key, so let the restore replace it");
			assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
				.contains("Description:" + System.lineSeparator() + System.lineSeparator() + cause.getProblem() + ".")
				.contains("Action:" + System.lineSeparator() + System.lineSeparator() + cause.getAction() + ".");
		});
		// The refused replica recorded nothing that would stop the keys that belong here
		try (ConfigurableApplicationContext context = start(keys)) {
			assertThat(context.getBean(AccountRepository.class).findAll()).extracting(Account::getApiToken)
				.containsExactly("kept-secret");
		}
	}

	@Test
	void aStartThatLostSeveralKeysNamesThemAllAndChangesNoRecordUnlessAllLossesAreAccepted() {
		Path keys = this.temp.resolve("keys");
		try (ConfigurableApplicationContext context = start(keys)) {
			saveAccount(context, "kept-secret");
		}
		List<String> records = recordedIds();
		Path replica = this.temp.resolve("replica-keys");
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> start(replica))
			.satisfies((ex) -> assertThat(keyLossIn(ex).getProblem()).contains("Key 'secret-encryption' in ")
				.contains("Key 'health-check' in "));
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> start(replica, "--secret-encryption.key-registry.accept-key-loss=secret-encryption"))
			.satisfies((ex) -> assertThat(keyLossIn(ex).getProblem()).startsWith("Key 'health-check' in ")
				.doesNotContain("Key 'secret-encryption'"));
		assertThat(recordedIds()).as("records after refused starts").isEqualTo(records);
		try (ConfigurableApplicationContext context = start(keys)) {
			assertThat(context.getBean(AccountRepository.class).findAll()).extracting(Account::getApiToken)
				.containsExactly("kept-secret");
		}
	}

	private List<String> recordedIds() {
		try (ConfigurableApplicationContext context = start(this.temp.resolve("keys"))) {
			return context.getBean(JdbcTemplate.class)
				.queryForList("select key_name || '/' || key_id from secret_encryption_keys order by 1", String.class);
		}
	}

	@Test
	void refusesToStartWhenAKeptKeyThatValuesNeedIsMissing() throws IOException {
		Path keys = this.temp.resolve("keys");
		KeyId old;
		try (ConfigurableApplicationContext context = start(keys)) {
			saveAccount(context, "old-secret");
			old = context.getBean(KeyRing.class).getPrimary("secret-encryption").getId();
		}
		KeyFileStore store = new KeyFileStore(keys);
		EncryptionKey added = store.addKey("secret-encryption");
		store.promote("secret-encryption", added.getId());
		try (ConfigurableApplicationContext context = start(keys)) {
			assertThat(context.getBean(AccountRepository.class).findAll()).extracting(Account::getApiToken)
				.containsExactly("old-secret");
			// Written under the new primary key, so still readable without the old one
			saveAccount(context, "new-secret");
		}
		Files.delete(store.fileOf("secret-encryption", old));
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> start(keys)).satisfies((ex) -> {
			KeyLossException cause = keyLossIn(ex);
			assertThat(cause.getProblem()).contains("has id " + added.getId())
				.contains("under key id(s) [" + old + "] too")
				.contains("test_accounts.api_token (1 row)");
			assertThat(cause.getAction()).contains("secret-encryption.<key id>.key of each missing key id");
		});
	}

	@Test
	void ofTwoProcessesWithOtherKeysThatRecordThemAtOnceNeitherGoesOn() {
		try (ConfigurableApplicationContext context = start(this.temp.resolve("keys"))) {
			DataSource dataSource = context.getBean(DataSource.class);
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			jdbc.update("delete from secret_encryption_keys");
			KeyId other = new KeyFileStore(this.temp.resolve("other-keys")).loadOrCreate("secret-encryption").getId();
			KeyRing mine = new KeyFileStore(this.temp.resolve("my-keys")).loadKeyRing(List.of("secret-encryption"));
			// The other process records its key just after this one found no records
			JdbcTemplate racing = new JdbcTemplate(dataSource) {

				private boolean raced;

				@Override
				public <T> List<T> query(String sql, RowMapper<T> rowMapper, @Nullable Object... args) {
					List<T> result = super.query(sql, rowMapper, args);
					if (!this.raced) {
						this.raced = true;
						new KeyIdRecords(jdbc).record("secret-encryption", other);
					}
					return result;
				}

			};
			KeyLossGuard guard = new KeyLossGuard(new KeyIdRecords(racing), Set.of(), Set.of());
			assertThatExceptionOfType(KeyLossException.class).isThrownBy(() -> guard.check(mine, List.of()))
				.satisfies((ex) -> assertThat(ex.getProblem()).contains("under key id(s) [" + other + "] too"));
			assertThat(jdbc.queryForList("select key_id from secret_encryption_keys", String.class))
				.containsExactly(other.toString());
		}
	}

	@Test
	void refusesValuesUnderUnknownKeysEvenWithoutRecords() {
		Path keys = this.temp.resolve("keys");
		try (ConfigurableApplicationContext context = start(keys)) {
			saveAccount(context, "unrecorded-secret");
			context.getBean(JdbcTemplate.class).update("delete from secret_encryption_keys");
		}
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> start(this.temp.resolve("other-keys")))
			.satisfies((ex) -> assertThat(keyLossIn(ex).getProblem()).contains("test_accounts.api_token (1 row)"));
	}

	@Test
	void startsWithNewKeysWhenTheOperatorAcceptsTheLoss(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start(this.temp.resolve("keys"))) {
			saveAccount(context, "lost-secret");
		}
		// Jasypt is on the test class path: the new key of configuration values needs no
		// acceptance, since no database value is under it
		try (ConfigurableApplicationContext context = start(this.temp.resolve("new-keys"),
				"--secret-encryption.key-registry.accept-key-loss=secret-encryption,health-check")) {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForList(
					"select key_id from secret_encryption_keys where key_name = 'secret-encryption'", String.class))
				.as("the lost key id is no longer recorded")
				.containsExactly(context.getBean(KeyRing.class).getPrimary("secret-encryption").getId().toString());
			assertThat(jdbc.queryForObject("select count(*) from secret_encryption_keys where key_name = 'config'",
					Integer.class))
				.as("key ids of configuration values, which live in no column")
				.isZero();
		}
		assertThat(output.getAll()).contains("as secret-encryption.key-registry.accept-key-loss allows")
			.doesNotContain("lost-secret");
		// The acceptance is needed once: the next start, without it, goes on
		start(this.temp.resolve("new-keys")).close();
	}

	@Test
	void aMissingTableThatTheStarterMayNotCreateStopsTheStartWithTheScriptToCreateIt(CapturedOutput output) {
		Path keys = this.temp.resolve("keys");
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> start(keys, "--secret-encryption.key-registry.initialize-schema=never"))
			.satisfies((ex) -> assertThat(causeOf(ex, KeyRegistryTableMissingException.class))
				.hasRootCauseInstanceOf(SQLException.class));
		assertThat(output.getAll()).contains("Table secret_encryption_keys does not exist")
			.contains("Create the table with your database migrations from the script "
					+ "io/github/secretencryption/jdbc/schema.sql in the starter's jar");
		// Created by the application's own migrations, as the message says
		try (ConfigurableApplicationContext context = start(keys)) {
			saveAccount(context, "migrated-secret");
		}
		try (ConfigurableApplicationContext context = start(keys,
				"--secret-encryption.key-registry.initialize-schema=never")) {
			assertThat(context.getBean(AccountRepository.class).findAll()).extracting(Account::getApiToken)
				.containsExactly("migrated-secret");
		}
	}

	private static KeyLossException keyLossIn(Throwable ex) {
		return causeOf(ex, KeyLossException.class);
	}

	private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + ex);
	}

	private void saveAccount(ConfigurableApplicationContext context, String secret) {
		Account account = new Account("guarded");
		account.setApiToken(secret);
		account.setRenamedToken(secret + "-renamed");
		context.getBean(AccountRepository.class).save(account);
	}

	private ConfigurableApplicationContext start(Path keys, String... extra) {
		List<String> args = new ArrayList<>();
		args.add("--secret-encryption.key-directory=" + keys);
		args.add("--spring.jpa.hibernate.ddl-auto=" + (this.schemaCreated ? "none" : "create"));
		this.schemaCreated = true;
		this.database.forEach((name, value) -> args.add("--" + name + "=" + value));
		args.addAll(List.of(extra));
		SpringApplication application = new SpringApplication(JpaTestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(args.toArray(String[]::new));
	}

}
