package io.github.secretencryption.autoconfigure.command;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.secretencryption.autoconfigure.command.KeyCommandTestSupport.Result;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyRing;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static io.github.secretencryption.autoconfigure.command.KeyCommandTestSupport.encrypt;
import static io.github.secretencryption.autoconfigure.command.KeyCommandTestSupport.insertAccount;
import static io.github.secretencryption.autoconfigure.command.KeyCommandTestSupport.newKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code reencrypt} in an application whose key ring has an old key beside the
 * primary key of each name. Run on each database by a subclass.
 */
abstract class ReencryptCommandIntegrationTests {

	private static final String TOKEN = "test_accounts.api_token";

	private static final String PROBE = "test_accounts.probe_password";

	private static final String RENAMED = "legacy_accounts.token";

	private final EncryptionKey oldKey = newKey("secret-encryption");

	private final EncryptionKey newKey = newKey("secret-encryption");

	private final EncryptionKey oldProbeKey = newKey("health-check");

	private final EncryptionKey newProbeKey = newKey("health-check");

	abstract Map<String, String> freshDatabase(String name);

	private KeyRing keyRing() {
		return KeyRing.of(List.of(this.newKey, this.newProbeKey), List.of(this.oldKey, this.oldProbeKey));
	}

	@Test
	void movesEveryValueOntoThePrimaryKeyAfterWhichNoValueIsUnderTheOldKeys() {
		KeyCommandTestSupport.contextRunner(freshDatabase("reencrypt"), keyRing())
			.withPropertyValues("secret-encryption.migration.batch-size=2")
			.run((context) -> {
				for (int id = 1; id <= 5; id++) {
					insertAccount(context, id, encrypt(this.oldKey, "token-" + id, TOKEN),
							encrypt(this.oldProbeKey, "probe-" + id, PROBE),
							(id == 1) ? encrypt(this.newKey, "renamed-1", RENAMED) : null);
				}
				Result result = KeyCommandTestSupport.run(new ReencryptCommand(), context);
				assertThat(result.exitCode()).as(result.out()).isZero();
				assertThat(result.out()).contains("[OK] test_accounts.api_token: 5 values, 5 changed, 0 already done")
					.contains("[OK] test_accounts.renamed_token: 1 values, 0 changed, 1 already done")
					.contains("10 values re-encrypted in 3 columns, 0 failed")
					.doesNotContain("token-1")
					.doesNotContain("probe-1");
				assertStoredValues(context, this.newKey, this.newProbeKey);
				Result status = KeyCommandTestSupport.run(new KeyStatusCommand(), context);
				assertThat(status.lines()).contains("  " + this.oldKey.getId() + " decrypt-only: 0 values",
						"  " + this.oldProbeKey.getId() + " decrypt-only: 0 values",
						"  " + this.newKey.getId() + " primary: 6 values");
				Result rerun = KeyCommandTestSupport.run(new ReencryptCommand(), context);
				assertThat(rerun.out()).contains("0 values re-encrypted in 3 columns, 0 failed");
			});
	}

	@Test
	void movesOnlyTheColumnsOfTheNamedKey() {
		KeyCommandTestSupport.contextRunner(freshDatabase("reencrypt_named"), keyRing()).run((context) -> {
			insertAccount(context, 1, encrypt(this.oldKey, "token-1", TOKEN), encrypt(this.oldProbeKey, "p", PROBE),
					null);
			Result result = KeyCommandTestSupport.run(new ReencryptCommand(), context, "health-check");
			assertThat(result.exitCode()).as(result.out()).isZero();
			assertThat(result.out()).contains("1 values re-encrypted in 1 columns, 0 failed")
				.doesNotContain("test_accounts.api_token");
			assertThat(AesGcmEncryptor.findKeyId(stored(context, "api_token", 1))).isEqualTo(this.oldKey.getId());
			assertThat(AesGcmEncryptor.findKeyId(stored(context, "probe_password", 1)))
				.isEqualTo(this.newProbeKey.getId());
		});
	}

	@Test
	void anUnknownKeyNameIsAnErrorThatListsTheConfiguredNames() {
		KeyCommandTestSupport.contextRunner(freshDatabase("reencrypt_unknown"), keyRing()).run((context) -> {
			String before = encrypt(this.oldKey, "token-1", TOKEN);
			insertAccount(context, 1, before, null, null);
			Result result = KeyCommandTestSupport.run(new ReencryptCommand(), context, "secret-encrypton");
			assertThat(result.exitCode()).isEqualTo(1);
			assertThat(result.lines()).containsExactly("[FAIL] reencrypt: no key is named 'secret-encrypton'; "
					+ "configured key names are [secret-encryption, health-check]");
			assertThat(stored(context, "api_token", 1)).isEqualTo(before);
		});
	}

	@Test
	void reportsValuesThatCannotBeDecryptedByPrimaryKeyLeavesThemAndPlaintextAsTheyAreAndExitsWithOne() {
		EncryptionKey lost = newKey("secret-encryption");
		KeyCommandTestSupport.contextRunner(freshDatabase("reencrypt_broken"), keyRing()).run((context) -> {
			String underLostKey = encrypt(lost, "lost-secret", TOKEN);
			String copied = encrypt(this.oldKey, "copied-secret", "other_table.other_column");
			insertAccount(context, 1, encrypt(this.oldKey, "token-1", TOKEN), null, null);
			insertAccount(context, 2, underLostKey, null, null);
			insertAccount(context, 3, copied, null, null);
			insertAccount(context, 4, "legacy-plaintext", null, null);
			Result result = KeyCommandTestSupport.run(new ReencryptCommand(), context);
			assertThat(result.exitCode()).isEqualTo(1);
			assertThat(result.lines()).contains(
					"[FAIL] test_accounts.api_token primary key 2: cannot be decrypted, left as it is: Value was "
							+ "encrypted under key id " + lost.getId() + ", which no key named 'secret-encryption' "
							+ "has; restore that key from a backup into the key directory",
					"[FAIL] test_accounts.api_token primary key 3: cannot be decrypted, left as it is: Value cannot "
							+ "be decrypted: it is tampered or corrupted, or was copied from another column",
					"[WARN] test_accounts.api_token: 1 plaintext values left as they are",
					"1 values re-encrypted in 3 columns, 2 failed",
					"1 plaintext values were left as they are; encrypt them with migrate-secrets");
			assertThat(result.out()).doesNotContain("secret\n").doesNotContain("legacy-plaintext");
			assertThat(stored(context, "api_token", 2)).isEqualTo(underLostKey);
			assertThat(stored(context, "api_token", 3)).isEqualTo(copied);
			assertThat(stored(context, "api_token", 4)).isEqualTo("legacy-plaintext");
			assertThat(AesGcmEncryptor.findKeyId(stored(context, "api_token", 1))).isEqualTo(this.newKey.getId());
		});
	}

	@Test
	void dryRunCountsWithoutWriting() {
		KeyCommandTestSupport.contextRunner(freshDatabase("reencrypt_dry_run"), keyRing()).run((context) -> {
			String before = encrypt(this.oldKey, "token-1", TOKEN);
			insertAccount(context, 1, before, null, null);
			Result result = KeyCommandTestSupport.run(new ReencryptCommand(), context, "--dry-run");
			assertThat(result.exitCode()).isZero();
			assertThat(result.out()).contains("Dry run: 1 values would be re-encrypted in 3 columns, 0 failed");
			assertThat(stored(context, "api_token", 1)).isEqualTo(before);
		});
	}

	private void assertStoredValues(ConfigurableApplicationContext context, EncryptionKey key, EncryptionKey probeKey) {
		AesGcmEncryptor onlyNewKeys = new AesGcmEncryptor(KeyRing.of(List.of(key, probeKey)));
		for (int id = 1; id <= 5; id++) {
			assertThat(onlyNewKeys.decrypt(key.getName(), stored(context, "api_token", id), bytes(TOKEN)))
				.isEqualTo("token-" + id);
			assertThat(onlyNewKeys.decrypt(probeKey.getName(), stored(context, "probe_password", id), bytes(PROBE)))
				.isEqualTo("probe-" + id);
		}
		assertThat(onlyNewKeys.decrypt(key.getName(), stored(context, "renamed_token", 1), bytes(RENAMED)))
			.isEqualTo("renamed-1");
	}

	private static String stored(ConfigurableApplicationContext context, String column, long id) {
		return KeyCommandTestSupport.jdbc(context)
			.queryForObject("select " + column + " from test_accounts where id = ?", String.class, id);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
