package io.github.secretencryption.jasypt;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import io.github.secretencryption.EncryptedPropertyException;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class H2EncryptedConfigValuesIntegrationTests extends EncryptedConfigValuesIntegrationTests {

	private static final String DB_PASSWORD = "h2-pässword-0815";

	@Override
	Map<String, String> freshDatabase(String name) {
		return Map.of("spring.datasource.url", "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"spring.datasource.username", "sa", "spring.datasource.password", DB_PASSWORD);
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

}
