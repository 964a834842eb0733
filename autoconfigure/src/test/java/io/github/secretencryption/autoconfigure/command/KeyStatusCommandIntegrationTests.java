package io.github.secretencryption.autoconfigure.command;

import java.util.List;
import java.util.Map;

import io.github.secretencryption.autoconfigure.command.KeyCommandTestSupport.Result;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyRing;
import org.junit.jupiter.api.Test;

import static io.github.secretencryption.autoconfigure.command.KeyCommandTestSupport.encrypt;
import static io.github.secretencryption.autoconfigure.command.KeyCommandTestSupport.insertAccount;
import static io.github.secretencryption.autoconfigure.command.KeyCommandTestSupport.newKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code key-status} in an application whose key ring has an old and a new key for
 * one name. Run on each database by a subclass.
 */
abstract class KeyStatusCommandIntegrationTests {

	private static final String TOKEN = "test_accounts.api_token";

	private static final String RENAMED = "legacy_accounts.token";

	private final EncryptionKey oldKey = newKey("secret-encryption");

	private final EncryptionKey newKey = newKey("secret-encryption");

	private final EncryptionKey probeKey = newKey("health-check");

	private final EncryptionKey configKey = newKey("config");

	abstract Map<String, String> freshDatabase(String name);

	private KeyRing keyRing() {
		return KeyRing.of(List.of(this.newKey, this.probeKey, this.configKey), List.of(this.oldKey));
	}

	@Test
	void countsValuesPerKeyIdAndColumnAndMarksPrimaryAndDecryptOnlyKeys() {
		KeyCommandTestSupport.contextRunner(freshDatabase("key_status"), keyRing()).run((context) -> {
			for (int id = 1; id <= 3; id++) {
				insertAccount(context, id, encrypt(this.oldKey, "old-" + id, TOKEN),
						encrypt(this.probeKey, "probe", "test_accounts.probe_password"), null);
			}
			insertAccount(context, 4, encrypt(this.newKey, "new", TOKEN), null, encrypt(this.oldKey, "r", RENAMED));
			insertAccount(context, 5, "legacy plaintext", null, null);
			Result result = KeyCommandTestSupport.run(new KeyStatusCommand(), context);
			assertThat(result.exitCode()).as(result.out()).isZero();
			assertThat(result.lines()).containsExactly(
					"Key 'secret-encryption', columns [test_accounts.api_token, test_accounts.renamed_token]",
					"  " + this.newKey.getId() + " primary: 1 value", "    test_accounts.api_token: 1",
					"  " + this.oldKey.getId() + " decrypt-only: 4 values", "    test_accounts.api_token: 3",
					"    test_accounts.renamed_token: 1", "  plaintext: 1 value", "    test_accounts.api_token: 1",
					"    test_accounts.renamed_token: 0", "Key 'health-check', columns [test_accounts.probe_password]",
					"  " + this.probeKey.getId() + " primary: 3 values", "    test_accounts.probe_password: 3",
					"  plaintext: 0 values", "    test_accounts.probe_password: 0", "Key 'config'",
					"  " + this.configKey.getId() + " primary",
					"  values in configuration files (ENC(...)) cannot be counted: keep each old key of 'config' "
							+ "until every ENC(...) value has been replaced with fresh encrypt-value output",
					"[WARN] 1 value is still plaintext; encrypt them with migrate-secrets",
					"[OK] every encrypted value is under a loaded key");
			assertThat(result.out()).doesNotContain("old-1").doesNotContain("legacy plaintext");
		});
	}

	@Test
	void namesKeyIdsFoundInTheDataThatNoLoadedKeyHasAndExitsWithOne() {
		EncryptionKey lost = newKey("secret-encryption");
		KeyCommandTestSupport.contextRunner(freshDatabase("key_status_missing"), keyRing()).run((context) -> {
			insertAccount(context, 1, encrypt(lost, "lost-1", TOKEN), null, null);
			insertAccount(context, 2, encrypt(lost, "lost-2", TOKEN), null, encrypt(lost, "lost-3", RENAMED));
			insertAccount(context, 3, "se1:broken", null, null);
			Result result = KeyCommandTestSupport.run(new KeyStatusCommand(), context);
			assertThat(result.exitCode()).isEqualTo(1);
			assertThat(result.lines())
				.containsSequence("  " + this.oldKey.getId() + " decrypt-only: 0 values",
						"  " + lost.getId() + " missing: values cannot be read: 3 values",
						"    test_accounts.api_token: 2", "    test_accounts.renamed_token: 1", "  plaintext: 0 values")
				.contains("  cannot be parsed: 1 value")
				.endsWith(
						"[FAIL] 3 values are under key ids that no loaded key has and cannot be read; restore "
								+ "those keys from the backup into the key directory",
						"[FAIL] 1 value is marked as encrypted but cannot be parsed (damaged, or written by a newer "
								+ "format version); reencrypt lists them by primary key; restore them from a backup "
								+ "or provision them again");
		});
	}

	@Test
	void aValueThatCannotBeParsedAloneFailsTheStatus() {
		KeyCommandTestSupport.contextRunner(freshDatabase("key_status_unparsable"), keyRing()).run((context) -> {
			insertAccount(context, 1, encrypt(this.newKey, "new-1", TOKEN), null, null);
			insertAccount(context, 2, "se1:garbage!!", null, null);
			Result result = KeyCommandTestSupport.run(new KeyStatusCommand(), context);
			assertThat(result.exitCode()).isEqualTo(1);
			assertThat(result.lines()).contains("  cannot be parsed: 1 value")
				.doesNotContain("[OK] every encrypted value is under a loaded key")
				.last()
				.asString()
				.startsWith("[FAIL] 1 value is marked as encrypted but cannot be parsed");
		});
	}

	@Test
	void anEmptyDatabaseHasNoValuesUnderAnyKey() {
		KeyCommandTestSupport.contextRunner(freshDatabase("key_status_empty"), keyRing()).run((context) -> {
			assertThat(KeyCommandTestSupport.jdbc(context)
				.queryForObject("select count(*) from test_accounts", Long.class)).isZero();
			Result result = KeyCommandTestSupport.run(new KeyStatusCommand(), context);
			assertThat(result.exitCode()).isZero();
			assertThat(result.lines()).contains("  " + this.newKey.getId() + " primary: 0 values",
					"  " + this.oldKey.getId() + " decrypt-only: 0 values",
					"[OK] every encrypted value is under a loaded key");
		});
	}

}
