package io.github.secretencryption.autoconfigure.command;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.secretencryption.autoconfigure.SecretEncryptionAutoConfiguration;
import io.github.secretencryption.autoconfigure.SecretEncryptionJpaAutoConfiguration;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jpa.Account;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyRing;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An application with the {@link Account} entity, whose table {@code test_accounts} has
 * encrypted columns {@code api_token} and {@code renamed_token} under the key name
 * {@code secret-encryption} and {@code probe_password} under {@code health-check}, and a
 * key ring that the test builds; and a way to run a command in it.
 */
final class KeyCommandTestSupport {

	private static final SecureRandom random = new SecureRandom();

	private KeyCommandTestSupport() {
	}

	static ApplicationContextRunner contextRunner(Map<String, String> database, KeyRing keyRing) {
		List<String> properties = new ArrayList<>();
		properties.add("spring.jpa.hibernate.ddl-auto=create");
		database.forEach((name, value) -> properties.add(name + "=" + value));
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
							SecretEncryptionAutoConfiguration.class, SecretEncryptionJpaAutoConfiguration.class))
			.withUserConfiguration(AccountEntity.class)
			.withBean(KeyRing.class, () -> keyRing)
			.withPropertyValues(properties.toArray(String[]::new));
	}

	static EncryptionKey newKey(String name) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return new EncryptionKey(name, bytes, null);
	}

	static String encrypt(EncryptionKey key, String plaintext, String associatedData) {
		return new AesGcmEncryptor(KeyRing.of(List.of(key))).encrypt(key.getName(), plaintext,
				associatedData.getBytes(StandardCharsets.UTF_8));
	}

	static void insertAccount(ConfigurableApplicationContext context, long id, String apiToken, String probePassword,
			String renamedToken) {
		jdbc(context).update("insert into test_accounts (id, name, api_token, probe_password, renamed_token) "
				+ "values (?, ?, ?, ?, ?)", id, "account-" + id, apiToken, probePassword, renamedToken);
	}

	static JdbcTemplate jdbc(ConfigurableApplicationContext context) {
		return new JdbcTemplate(context.getBean(DataSource.class));
	}

	static Result run(SecretEncryptionCommand command, ConfigurableApplicationContext context, String... args) {
		List<String> arguments = Arrays.stream(args).filter((arg) -> !arg.startsWith("--")).toList();
		List<String> options = Arrays.stream(args).filter((arg) -> arg.startsWith("--")).toList();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
		int exitCode;
		try {
			exitCode = command.run(new CommandContext(arguments, options, context.getEnvironment(), out,
					InputStream.nullInputStream(), context));
		}
		catch (Exception ex) {
			out.println("[FAIL] " + command.name() + ": " + ex.getMessage());
			exitCode = 1;
		}
		return new Result(exitCode, bytes.toString(StandardCharsets.UTF_8));
	}

	record Result(int exitCode, String out) {

		List<String> lines() {
			return this.out.lines().toList();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Account.class)
	static class AccountEntity {

	}

}
