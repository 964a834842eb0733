package io.github.secretencryption.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeyRingReloader}.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyRingReloaderTests {

	private static final String NAME = "secret-encryption";

	private static final byte[] AAD = "users.totp_secret".getBytes(StandardCharsets.US_ASCII);

	@TempDir
	Path temp;

	@Test
	void addedKeyIsTakenInAndThePrimaryFollowsItsFile() {
		KeyFileStore store = new KeyFileStore(this.temp);
		KeyRingReloader reloader = new KeyRingReloader(store, List.of(NAME), store.loadKeyRing(List.of(NAME)));
		EncryptionKey former = reloader.get().getPrimary(NAME);
		assertThat(reloader.reload()).isFalse();
		EncryptionKey added = store.addKey(NAME);
		assertThat(reloader.reload()).isTrue();
		assertThat(reloader.get().getPrimary(NAME).getId()).isEqualTo(former.getId());
		assertThat(reloader.get().find(NAME, added.getId())).isNotNull();
		store.promote(NAME, added.getId());
		assertThat(reloader.reload()).isTrue();
		assertThat(reloader.get().getPrimary(NAME).getId()).isEqualTo(added.getId());
		assertThat(reloader.get().find(NAME, former.getId())).isNotNull();
	}

	@Test
	void loadedKeyIsNeverDroppedWhenItsFileGoes() {
		KeyFileStore store = new KeyFileStore(this.temp);
		KeyRingReloader reloader = new KeyRingReloader(store, List.of(NAME), store.loadKeyRing(List.of(NAME)));
		EncryptionKey former = reloader.get().getPrimary(NAME);
		EncryptionKey added = store.addKey(NAME);
		store.promote(NAME, added.getId());
		reloader.reload();
		store.retire(NAME, former.getId());
		assertThat(reloader.reload()).isFalse();
		assertThat(reloader.get().getKeys(NAME)).extracting(EncryptionKey::getId)
			.containsExactly(added.getId(), former.getId());
	}

	@Test
	void liveKeyRingAndEncryptorUseTheNewPrimaryAndStillReadOldValues() {
		KeyFileStore store = new KeyFileStore(this.temp);
		KeyRingReloader reloader = new KeyRingReloader(store, List.of(NAME), store.loadKeyRing(List.of(NAME)));
		KeyRing live = KeyRing.live(reloader);
		AesGcmEncryptor encryptor = new AesGcmEncryptor(live);
		String old = encryptor.encrypt(NAME, "old secret", AAD);
		EncryptionKey added = store.addKey(NAME);
		store.promote(NAME, added.getId());
		reloader.reload();
		assertThat(live.getPrimary(NAME).getId()).isEqualTo(added.getId());
		String next = encryptor.encrypt(NAME, "new secret", AAD);
		assertThat(AesGcmEncryptor.keyIdOf(next)).isEqualTo(added.getId());
		assertThat(encryptor.decrypt(NAME, old, AAD)).isEqualTo("old secret");
		assertThat(live.snapshot()).isSameAs(reloader.get());
	}

	@Test
	void failedReloadKeepsTheKeysInUseAndReportsTheProblemWithoutKeyMaterial(CapturedOutput output) throws IOException {
		KeyFileStore store = new KeyFileStore(this.temp);
		KeyRingReloader reloader = new KeyRingReloader(store, List.of(NAME), store.loadKeyRing(List.of(NAME)));
		KeyRing before = reloader.get();
		EncryptionKey added = store.addKey(NAME);
		byte[] bytes = Files.readAllBytes(added.getFile());
		Files.setPosixFilePermissions(added.getFile(), PosixFilePermissions.fromString("rw-r--r--"));
		assertThat(reloader.reload()).isFalse();
		assertThat(reloader.get()).isSameAs(before);
		assertThat(reloader.getFailure()).isNotNull();
		assertThat(reloader.getFailure().problem()).contains(added.getFile().toString());
		assertThat(output).contains("WARN").contains("could not be reloaded, so the keys in use are kept");
		Files.setPosixFilePermissions(added.getFile(), PosixFilePermissions.fromString("rw-------"));
		assertThat(reloader.reload()).isTrue();
		assertThat(reloader.getFailure()).isNull();
		assertThat(output).contains("Reloaded key '" + NAME + "': primary key id " + before.getPrimary(NAME).getId());
		for (String representation : KeyMaterial.representations(bytes)) {
			assertThat(output.toString()).doesNotContain(representation);
		}
	}

	@Test
	void replacedPrimaryKeyFileIsNotTakenIn() throws IOException {
		KeyFileStore store = new KeyFileStore(this.temp);
		KeyRingReloader reloader = new KeyRingReloader(store, List.of(NAME), store.loadKeyRing(List.of(NAME)));
		KeyRing before = reloader.get();
		byte[] other = new byte[EncryptionKey.LENGTH];
		new java.security.SecureRandom().nextBytes(other);
		Files.write(store.fileOf(NAME), other);
		assertThat(reloader.reload()).isFalse();
		assertThat(reloader.get()).isSameAs(before);
		assertThat(reloader.getFailure().problem()).contains("now holds key id " + KeyId.derive(other))
			.contains("the file was replaced");
	}

	@Test
	void listenersHearOfEveryChange() {
		KeyFileStore store = new KeyFileStore(this.temp);
		KeyRingReloader reloader = new KeyRingReloader(store, List.of(NAME), store.loadKeyRing(List.of(NAME)));
		List<KeyRing> heard = new ArrayList<>();
		reloader.addListener(heard::add);
		reloader.reload();
		store.addKey(NAME);
		reloader.reload();
		assertThat(heard).containsExactly(reloader.get());
	}

	@Test
	void startedReloaderTakesInAnAddedKeyWithinItsInterval() throws InterruptedException {
		KeyFileStore store = new KeyFileStore(this.temp);
		try (KeyRingReloader reloader = new KeyRingReloader(store, List.of(NAME), store.loadKeyRing(List.of(NAME)))) {
			reloader.start(Duration.ofMillis(20));
			EncryptionKey added = store.addKey(NAME);
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (reloader.get().find(NAME, added.getId()) == null && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(reloader.get().find(NAME, added.getId())).isNotNull();
		}
	}

}
