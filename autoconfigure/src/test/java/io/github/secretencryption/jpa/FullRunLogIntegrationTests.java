package io.github.secretencryption.jpa;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.github.secretencryption.SecretEncryptionException;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Captures all log output of a full run, with the starter and Hibernate's JDBC logging at
 * their most verbose, and checks that no key and no plaintext appears in it. Run on each
 * database by a subclass.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class FullRunLogIntegrationTests {

	private static final List<String> PLAINTEXTS = List.of("plaintext-token-4711", "plaintext-probe-0815",
			"plaintext-legacy-1234");

	@TempDir
	Path keys;

	private Map<String, String> database;

	@BeforeEach
	void freshDatabase() {
		this.database = freshDatabase("full_run_log");
	}

	abstract Map<String, String> freshDatabase(String name);

	@Test
	void logsNeitherKeysNorPlaintexts(CapturedOutput output) throws Exception {
		List<String> exceptionTexts = new ArrayList<>();
		try (ConfigurableApplicationContext context = start()) {
			AccountRepository accounts = context.getBean(AccountRepository.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			Account account = new Account("logged");
			account.setApiToken(PLAINTEXTS.get(0));
			account.setProbePassword(PLAINTEXTS.get(1));
			Long id = accounts.save(account).getId();
			assertThat(accounts.findById(id)).get().extracting(Account::getApiToken).isEqualTo(PLAINTEXTS.get(0));
			jdbc.update("update test_accounts set renamed_token = api_token where id = ?", id);
			exceptionTexts.add(failureOf(() -> accounts.findById(id)));
			jdbc.update("update test_accounts set renamed_token = ? where id = ?", PLAINTEXTS.get(2), id);
			exceptionTexts.add(failureOf(() -> accounts.findById(id)));
			jdbc.update("update test_accounts set renamed_token = 'se1:AAAA' where id = ?", id);
			exceptionTexts.add(failureOf(() -> accounts.findById(id)));
		}
		// Read every key that encrypted something before the error path below truncates
		// one
		List<byte[]> keyBytes = new ArrayList<>();
		for (String name : List.of("secret-encryption.key", "health-check.key")) {
			keyBytes.add(Files.readAllBytes(this.keys.resolve(name)));
		}
		Files.write(this.keys.resolve("health-check.key"), new byte[5]);
		exceptionTexts.add(startupFailure());
		List<String> forbidden = new ArrayList<>(PLAINTEXTS);
		for (byte[] key : keyBytes) {
			forbidden.add(HexFormat.of().formatHex(key));
			forbidden.add(HexFormat.of().withUpperCase().formatHex(key));
			forbidden.add(Base64.getEncoder().encodeToString(key));
			forbidden.add(Base64.getEncoder().withoutPadding().encodeToString(key));
			forbidden.add(Base64.getUrlEncoder().withoutPadding().encodeToString(key));
		}
		assertThat(output.getAll()).contains("Loaded key 'secret-encryption' with id");
		assertThat(output.getAll()).contains("test_accounts");
		for (String secret : forbidden) {
			assertThat(output.getAll()).doesNotContain(secret);
			assertThat(exceptionTexts).noneMatch((text) -> text.contains(secret));
		}
	}

	private ConfigurableApplicationContext start() {
		SpringApplication application = new SpringApplication(JpaTestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		List<String> args = new ArrayList<>(List.of("--secret-encryption.key-directory=" + this.keys,
				"--spring.jpa.hibernate.ddl-auto=create-drop", "--spring.jpa.show-sql=true",
				"--logging.level.io.github.secretencryption=TRACE", "--logging.level.org.hibernate.orm.jdbc=TRACE",
				"--logging.level.org.hibernate.SQL=DEBUG", "--logging.level.org.hibernate.event=DEBUG",
				"--logging.level.org.hibernate.internal.util=DEBUG"));
		this.database.forEach((name, value) -> args.add("--" + name + "=" + value));
		return application.run(args.toArray(String[]::new));
	}

	private String startupFailure() {
		try {
			start().close();
			throw new AssertionError("Startup should fail on a truncated key");
		}
		catch (RuntimeException ex) {
			return describe(ex);
		}
	}

	private static String failureOf(Runnable action) {
		SecretEncryptionException[] caught = new SecretEncryptionException[1];
		assertThatExceptionOfType(SecretEncryptionException.class).isThrownBy(action::run)
			.satisfies((ex) -> caught[0] = ex);
		return describe(caught[0]);
	}

	private static String describe(Throwable ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable current = ex; current != null; current = current.getCause()) {
			text.append(current).append('\n');
		}
		return text.toString();
	}

}
