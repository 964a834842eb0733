package io.github.secretencryption.jasypt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jpa.Account;
import io.github.secretencryption.jpa.AccountRepository;
import io.github.secretencryption.jpa.JpaTestApplication;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts a whole application with JPA whose configuration file holds encrypted values,
 * the DataSource password among them. Run on each database by a subclass; a tampered
 * value stops startup before any connection, so only the H2 subclass tests it.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class EncryptedConfigValuesIntegrationTests {

	private static final String TOKEN = "token-4711";

	@TempDir
	Path temp;

	/**
	 * Return the {@code spring.datasource.*} properties of a new database, the user name
	 * and password among them.
	 * @param name name of the database
	 * @return the properties
	 */
	abstract Map<String, String> freshDatabase(String name);

	@Test
	void decryptsTheDataSourcePasswordFromAConfigurationFileBeforeJpaStarts(CapturedOutput output) throws Exception {
		Path keys = this.temp.resolve("keys");
		Map<String, String> database = freshDatabase("config_values");
		String url = database.get("spring.datasource.url");
		String username = database.get("spring.datasource.username");
		String databasePassword = database.get("spring.datasource.password");
		String password = encrypted(keys, databasePassword);
		String token = encrypted(keys, TOKEN);
		// The database accepts this password only, so the application must send it in
		// clear
		try (Connection owner = DriverManager.getConnection(url, username, databasePassword)) {
			Path config = configFile("spring.datasource.url=" + url, "spring.datasource.username=" + username,
					"spring.datasource.password=" + password, "app.token=" + token,
					"app.url=jdbc:postgresql://h/db?password=${app.token}");
			try (ConfigurableApplicationContext context = start(keys, config)) {
				AccountRepository accounts = context.getBean(AccountRepository.class);
				Account account = new Account("config-values");
				account.setApiToken("api-token-1234");
				Long id = accounts.save(account).getId();
				assertThat(accounts.findById(id)).get().extracting(Account::getApiToken).isEqualTo("api-token-1234");
				assertThat(context.getEnvironment().getProperty("app.url"))
					.isEqualTo("jdbc:postgresql://h/db?password=" + TOKEN);
				assertThat(context.getBean(KeyRing.class).getNames()).contains("config");
			}
		}
		assertThat(output.getAll()).contains("Decrypted 2 encrypted configuration values with key 'config'")
			.doesNotContain(databasePassword)
			.doesNotContain(TOKEN)
			.doesNotContain(password.substring(4, password.length() - 1))
			.doesNotContain(token.substring(4, token.length() - 1));
	}

	@Test
	void valueWrittenBeforeARotationOfTheConfigKeyStillDecrypts() throws Exception {
		Path keys = this.temp.resolve("keys");
		String token = encrypted(keys, TOKEN);
		KeyFileStore store = new KeyFileStore(keys);
		store.promote("config", store.addKey("config").getId());
		String newToken = encrypted(keys, "token-after-rotation");
		List<String> lines = new ArrayList<>(List.of("app.token=" + token, "app.new-token=" + newToken));
		freshDatabase("config_rotation").forEach((name, value) -> lines.add(name + "=" + value));
		Path config = configFile(lines.toArray(String[]::new));
		try (ConfigurableApplicationContext context = start(keys, config)) {
			assertThat(context.getEnvironment().getProperty("app.token")).isEqualTo(TOKEN);
			assertThat(context.getEnvironment().getProperty("app.new-token")).isEqualTo("token-after-rotation");
		}
	}

	Path configFile(String... lines) throws Exception {
		Path directory = Files.createDirectories(this.temp.resolve("config"));
		Files.write(directory.resolve("application.properties"), List.of(lines));
		return directory;
	}

	static String encrypted(Path keys, String plaintext) {
		KeyRing keyRing = KeyRing.of(List.of(new KeyFileStore(keys).loadOrCreate("config")));
		return "ENC(" + new ConfigValueEncryptor(new AesGcmEncryptor(keyRing), "config").encrypt(plaintext) + ")";
	}

	static ConfigurableApplicationContext start(Path keys, Path config) {
		SpringApplication application = new SpringApplication(JpaTestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run("--secret-encryption.key-directory=" + keys,
				"--spring.config.additional-location=file:" + config + "/",
				"--spring.jpa.hibernate.ddl-auto=create-drop");
	}

}
