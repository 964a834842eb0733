package io.github.secretencryption.autoconfigure.actuate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyRing;
import io.github.secretencryption.keys.KeyRingReloader;
import io.github.secretencryption.keys.KeySource;
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

	@Test
	void mountedKeyIsReportedWithTheModeOfTheFileItsLinkLeadsTo() throws Exception {
		Path volume = Files.createDirectory(this.temp.resolve("keys"));
		Path data = Files.createDirectory(volume.resolve("..2026_12_04_16_49_09.1234567890"));
		Path real = Files.write(data.resolve(NAME + ".key"), randomKey());
		Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("r--r-----"));
		Files.createSymbolicLink(volume.resolve("..data"), data.getFileName());
		Files.createSymbolicLink(volume.resolve(NAME + ".key"), Path.of("..data", NAME + ".key"));
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-x---"));
		Files.setPosixFilePermissions(volume, PosixFilePermissions.fromString("rwxr-x---"));
		KeyFileStore store = new KeyFileStore(volume, KeySource.MOUNTED);
		KeyRing keyRing = store.loadKeyRing(List.of(NAME));
		SecretEncryptionHealthIndicator indicator = new SecretEncryptionHealthIndicator(keyRing, store, null,
				new AesGcmEncryptor(keyRing), List::of, null);
		Health health = indicator.health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(keys(health)).containsEntry("path", volume.resolve(NAME + ".key").toString())
			.containsEntry("mode", "440")
			.containsEntry("size", 32L);
	}

	private static byte[] randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> keys(Health health) {
		return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("keys")).get(NAME);
	}

}
