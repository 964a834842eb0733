package io.github.secretencryption.autoconfigure.command;

import java.util.List;
import java.util.Map;

import io.github.secretencryption.autoconfigure.command.KeyCommandTestSupport.Result;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyRing;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static io.github.secretencryption.autoconfigure.command.KeyCommandTestSupport.insertAccount;
import static io.github.secretencryption.autoconfigure.command.KeyCommandTestSupport.newKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate-secrets} encrypts legacy plaintext only: a value with the prefix of
 * another format version is reported, not encrypted a second time. Run on each database
 * by a subclass.
 */
abstract class MigrateSecretsCommandIntegrationTests {

	private final EncryptionKey key = newKey("secret-encryption");

	private final EncryptionKey probeKey = newKey("health-check");

	abstract Map<String, String> freshDatabase(String name);

	@Test
	void reportsAValueOfAnotherFormatVersionAndLeavesItAsItIs() {
		KeyCommandTestSupport.contextRunner(freshDatabase("migrate"), KeyRing.of(List.of(this.key, this.probeKey)))
			.run((context) -> {
				insertAccount(context, 1, "legacy-secret", null, null);
				insertAccount(context, 2, "se2:AQIDBA==", null, null);
				Result result = KeyCommandTestSupport.run(new MigrateSecretsCommand(), context);
				assertThat(result.exitCode()).isEqualTo(1);
				assertThat(result.lines()).contains("[FAIL] test_accounts.api_token primary key 2: looks encrypted "
						+ "but cannot be decrypted, left as it is: Value is in format version 2, which this version "
						+ "of secret-encryption cannot read; upgrade the application",
						"1 values encrypted in 3 columns, 1 failed");
				assertThat(stored(context, 1)).startsWith(AesGcmEncryptor.PREFIX);
				assertThat(stored(context, 2)).isEqualTo("se2:AQIDBA==");
			});
	}

	private static String stored(ConfigurableApplicationContext context, long id) {
		return KeyCommandTestSupport.jdbc(context)
			.queryForObject("select api_token from test_accounts where id = ?", String.class, id);
	}

}
