package io.github.secretencryption.autoconfigure.actuate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyRing;
import io.github.secretencryption.keys.KeyRingReloader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SecretEncryptionHealthIndicator} over keys that are reloaded.
 */
class SecretEncryptionHealthIndicatorTests {

	private static final String NAME = "secret-encryption";

	@TempDir
	Path temp;

	@Test
	void failedReloadIsReportedAndAKeyPromotedSinceTheLastReloadIsNot() throws Exception {
		KeyFileStore store = new KeyFileStore(this.temp);
		KeyRingReloader reloader = new KeyRingReloader(store, List.of(NAME), store.loadKeyRing(List.of(NAME)));
		KeyRing keyRing = KeyRing.live(reloader);
		SecretEncryptionHealthIndicator indicator = new SecretEncryptionHealthIndicator(keyRing, store, reloader,
				new AesGcmEncryptor(keyRing), List::of, null);
		EncryptionKey added = store.addKey(NAME);
		store.promote(NAME, added.getId());
		Health promoted = indicator.health(true);
		assertThat(promoted.getStatus()).isEqualTo(Status.UP);
		assertThat(keys(promoted)).containsEntry("keyId", added.getId().toString());
		assertThat((List<?>) keys(promoted).get("keyIds")).hasSize(2);

		Files.setPosixFilePermissions(store.fileOf(NAME, keyRing.getKeys(NAME).get(1).getId()),
				PosixFilePermissions.fromString("rw-rw-rw-"));
		reloader.reload();
		Health failed = indicator.health(true);
		assertThat(failed.getStatus()).isEqualTo(Status.DOWN);
		assertThat(failed.getDetails()).containsKey("reload");
		assertThat(failed.getDetails().get("reload").toString()).contains("rw-rw-rw-");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> keys(Health health) {
		return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("keys")).get(NAME);
	}

}
