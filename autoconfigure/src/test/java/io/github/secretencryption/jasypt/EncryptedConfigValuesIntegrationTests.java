package io.github.secretencryption.jasypt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.List;

import io.github.secretencryption.EncryptedPropertyException;
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
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Starts a whole application with JPA whose configuration file holds encrypted values,
 * the DataSource password among them.
 */
@ExtendWith(OutputCaptureExtension.class)
class EncryptedConfigValuesIntegrationTests {

	private static final String DB_PASSWORD = "h2-pässword-0815";

	private static final String TOKEN = "token-4711";

	@TempDir
	Path temp;

	@Test
	void decryptsTheDataSourcePasswordFromAConfigurationFileBeforeJpaStarts(CapturedOutput output) throws Exception {
		Path keys = this.temp.resolve("keys");
		String url = "jdbc:h2:mem:config-values;DB_CLOSE_DELAY=-1";
		String password = encrypted(keys, DB_PASSWORD);
		String token = encrypted(keys, TOKEN);
		// The database exists with this password, so the application must send it in
		// clear
		try (Connection owner = DriverManager.getConnection(url, "sa", DB_PASSWORD)) {
			Path config = configFile("spring.datasource.url=" + url, "spring.datasource.username=sa",
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
			.doesNotContain(DB_PASSWORD)
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
		Path config = configFile("spring.datasource.url=jdbc:h2:mem:config-rotation;DB_CLOSE_DELAY=-1",
				"app.token=" + token, "app.new-token=" + newToken);
		try (ConfigurableApplicationContext context = start(keys, config)) {
			assertThat(context.getEnvironment().getProperty("app.token")).isEqualTo(TOKEN);
			assertThat(context.getEnvironment().getProperty("app.new-token")).isEqualTo("token-after-rotation");
		}
	}

	@Test
	void stopsStartupAtATamperedValueNamingThePropertyAndTheFileButNeverTheValue(CapturedOutput output)
			throws Exception {
		Path keys = this.temp.resolve("keys");
		String value = encrypted(keys, DB_PASSWORD);
		byte[] binary = Base64.getDecoder().decode(value.substring(8, value.length() - 1));
		binary[20] ^= 0x40;
		String tampered = "se1:" + Base64.getEncoder().encodeToString(binary);
		Path config = configFile("spring.datasource.url=jdbc:h2:mem:tampered", "spring.datasource.username=sa",
				"spring.datasource.password=ENC(" + tampered + ")");
		assertThatExceptionOfType(EncryptedPropertyException.class).isThrownBy(() -> start(keys, config).close())
			.satisfies((failure) -> {
				for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
					assertThat(String.valueOf(cause.getMessage())).doesNotContain(tampered).doesNotContain(DB_PASSWORD);
				}
			});
		Path file = config.resolve("application.properties");
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("Property 'spring.datasource.password' from property source 'Config resource 'file [" + file
					+ "]' via location 'file:" + config + "/'' (URL [file:" + file + "] - 3:28) cannot be decrypted. "
					+ "Value cannot be decrypted: it is tampered or corrupted, or is not a configuration value (key "
					+ "config, key id " + AesGcmEncryptor.keyIdOf(tampered) + ").")
			.contains("Replace the value with the output of the encrypt-value command run on this install")
			.doesNotContain(tampered.substring(4))
			.doesNotContain(DB_PASSWORD);
	}

	private Path configFile(String... lines) throws Exception {
		Path directory = Files.createDirectories(this.temp.resolve("config"));
		Files.write(directory.resolve("application.properties"), List.of(lines));
		return directory;
	}

	private static String encrypted(Path keys, String plaintext) {
		KeyRing keyRing = KeyRing.of(List.of(new KeyFileStore(keys).loadOrCreate("config")));
		return "ENC(" + new ConfigValueEncryptor(new AesGcmEncryptor(keyRing), "config").encrypt(plaintext) + ")";
	}

	private static ConfigurableApplicationContext start(Path keys, Path config) {
		SpringApplication application = new SpringApplication(JpaTestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run("--secret-encryption.key-directory=" + keys,
				"--spring.config.additional-location=file:" + config + "/",
				"--spring.jpa.hibernate.ddl-auto=create-drop");
	}

}
