package io.github.secretencryption.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the layout of a key directory that holds several keys per name:
 * {@code <name>.key} for the primary key, {@code <name>.<key id>.key} for keys kept for
 * reading, and {@code retired/} for keys set aside.
 */
class KeyDirectoryLayoutTests {

	private static final String NAME = "secret-encryption";

	private static final String OTHER = "health-check";

	@TempDir
	Path temp;

	@Test
	void keysKeptForReadingLoadBesideThePrimaryKey() {
		KeyFileStore store = new KeyFileStore(this.temp.resolve("keys"));
		EncryptionKey primary = store.loadOrCreate(NAME);
		EncryptionKey added = store.addKey(NAME);
		assertThat(added.getFile()).isEqualTo(store.fileOf(NAME, added.getId()));
		assertThat(added.getFile()).hasSize(32);
		assertThat(mode(added.getFile())).isEqualTo("rw-------");
		KeyRing ring = store.loadKeyRing(List.of(NAME, OTHER));
		assertThat(ring.getPrimary(NAME).getId()).isEqualTo(primary.getId());
		assertThat(ring.getKeys(NAME)).extracting(EncryptionKey::getId).containsExactly(primary.getId(), added.getId());
		assertThat(ring.getKeys(OTHER)).hasSize(1);
		assertThat(store.listKeyIds(NAME)).containsExactly(added.getId());
		assertThat(store.listKeyIds(OTHER)).isEmpty();
	}

	@Test
	void promotionMakesTheAddedKeyPrimaryAndKeepsTheFormerPrimaryForReading() {
		KeyFileStore store = new KeyFileStore(this.temp.resolve("keys"));
		EncryptionKey former = store.loadOrCreate(NAME);
		EncryptionKey added = store.addKey(NAME);
		assertThat(store.promote(NAME, added.getId()).getId()).isEqualTo(former.getId());
		KeyRing ring = store.loadKeyRing(List.of(NAME));
		assertThat(ring.getPrimary(NAME).getId()).isEqualTo(added.getId());
		assertThat(ring.getKeys(NAME)).extracting(EncryptionKey::getId).containsExactly(added.getId(), former.getId());
		assertThat(store.fileOf(NAME, former.getId())).exists();
		assertThat(store.listKeyIds(NAME)).containsExactlyInAnyOrder(former.getId(), added.getId());
		assertThat(list(store.getDirectory())).noneMatch((file) -> file.endsWith(".tmp"));
	}

	@Test
	void promotingThePrimaryKeyAgainChangesNothing() {
		KeyFileStore store = new KeyFileStore(this.temp.resolve("keys"));
		store.loadOrCreate(NAME);
		EncryptionKey added = store.addKey(NAME);
		store.promote(NAME, added.getId());
		store.promote(NAME, added.getId());
		assertThat(store.load(NAME).getId()).isEqualTo(added.getId());
	}

	@Test
	void primaryKeyAlsoKeptUnderItsIdIsLoadedOnce() throws IOException {
		KeyFileStore store = new KeyFileStore(this.temp.resolve("keys"));
		EncryptionKey primary = store.loadOrCreate(NAME);
		Files.createLink(store.fileOf(NAME, primary.getId()), store.fileOf(NAME));
		KeyRing ring = store.loadKeyRing(List.of(NAME));
		assertThat(ring.getKeys(NAME)).extracting(EncryptionKey::getId).containsExactly(primary.getId());
	}

	@Test
	void keptKeyWhoseIdDoesNotMatchItsFileNameIsRefused() throws IOException {
		KeyFileStore store = new KeyFileStore(this.temp.resolve("keys"));
		store.loadOrCreate(NAME);
		EncryptionKey added = store.addKey(NAME);
		Path renamed = store.fileOf(NAME, new KeyId(0x01020304));
		Files.move(added.getFile(), renamed);
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.loadKeyRing(List.of(NAME)))
			.satisfies((ex) -> assertThat(ex.getPath()).isEqualTo(renamed))
			.withMessageContaining("holds key id " + added.getId() + ", not the key id 01020304 in its name");
	}

	@Test
	void keptKeyThatOthersMayReadIsRefused() throws IOException {
		KeyFileStore store = new KeyFileStore(this.temp.resolve("keys"));
		store.loadOrCreate(NAME);
		EncryptionKey added = store.addKey(NAME);
		Files.setPosixFilePermissions(added.getFile(), PosixFilePermissions.fromString("rw-r--r--"));
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.loadKeyRing(List.of(NAME)))
			.satisfies((ex) -> assertThat(ex.getPath()).isEqualTo(added.getFile()));
	}

	@Test
	void keptKeyThatIsASymbolicLinkIsRefused() throws IOException {
		KeyFileStore store = new KeyFileStore(this.temp.resolve("keys"));
		EncryptionKey primary = store.loadOrCreate(NAME);
		Files.createSymbolicLink(store.fileOf(NAME, primary.getId()), store.fileOf(NAME));
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.loadKeyRing(List.of(NAME)))
			.withMessageContaining("is not a regular file");
	}

	@Test
	void keptKeyOfOneNameThatIsThePrimaryKeyOfAnotherIsRefused() throws IOException {
		KeyFileStore store = new KeyFileStore(this.temp.resolve("keys"));
		store.loadOrCreate(NAME);
		EncryptionKey other = store.loadOrCreate(OTHER);
		Files.createLink(store.fileOf(NAME, other.getId()), store.fileOf(OTHER));
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.loadKeyRing(List.of(NAME, OTHER)))
			.withMessageContaining("hold the same key");
	}

	@Test
	void missingPrimaryKeyIsNotCreatedWhenOlderKeysOfItsNameExist() throws IOException {
		KeyFileStore store = new KeyFileStore(this.temp.resolve("keys"));
		EncryptionKey primary = store.loadOrCreate(NAME);
		store.promote(NAME, store.addKey(NAME).getId());
		Files.delete(store.fileOf(NAME));
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.loadKeyRing(List.of(NAME)))
			.withMessageContaining("does not exist, but older keys of '" + NAME + "' do");
		assertThat(store.fileOf(NAME)).doesNotExist();
		assertThat(store.fileOf(NAME, primary.getId())).exists();
	}

	@Test
	void retiredKeyMovesToTheRetiredDirectoryAndIsNoLongerLoaded() throws IOException {
		KeyFileStore store = new KeyFileStore(this.temp.resolve("keys"));
		EncryptionKey former = store.loadOrCreate(NAME);
		EncryptionKey added = store.addKey(NAME);
		store.promote(NAME, added.getId());
		Path retired = store.retire(NAME, former.getId());
		assertThat(retired)
			.isEqualTo(store.getDirectory().resolve("retired").resolve(NAME + "." + former.getId() + ".key"));
		assertThat(KeyId.derive(Files.readAllBytes(retired))).isEqualTo(former.getId());
		assertThat(mode(retired.getParent())).isEqualTo("rwx------");
		assertThat(store.fileOf(NAME, former.getId())).doesNotExist();
		KeyRing ring = store.loadKeyRing(List.of(NAME));
		assertThat(ring.find(NAME, former.getId())).isNull();
		assertThat(ring.getPrimary(NAME).getId()).isEqualTo(added.getId());
	}

	@Test
	void retiringThePrimaryKeyIsRefused() {
		KeyFileStore store = new KeyFileStore(this.temp.resolve("keys"));
		EncryptionKey primary = store.loadOrCreate(NAME);
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.retire(NAME, primary.getId()))
			.withMessageContaining("is the primary key of '" + NAME + "' and cannot be retired");
	}

	@Test
	void retiringAnUnknownOrRetiredKeyIsRefused() {
		KeyFileStore store = new KeyFileStore(this.temp.resolve("keys"));
		EncryptionKey former = store.loadOrCreate(NAME);
		store.promote(NAME, store.addKey(NAME).getId());
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.retire(NAME, new KeyId(7)))
			.withMessageContaining("Key 00000007 of '" + NAME + "' is unknown");
		store.retire(NAME, former.getId());
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.retire(NAME, former.getId()))
			.withMessageContaining("is retired already");
	}

	@Test
	void mountedKeysKeptForReadingLoadThroughTheirSymbolicLinksAndNothingIsWritten() throws IOException {
		byte[] primary = randomKey();
		byte[] kept = randomKey();
		Path volume = Files.createDirectory(this.temp.resolve("keys"));
		Path data = Files.createDirectory(volume.resolve("..2026_12_04_18_00_00.1"));
		String keptName = NAME + "." + KeyId.derive(kept) + ".key";
		write(data.resolve(NAME + ".key"), primary);
		write(data.resolve(keptName), kept);
		Files.createSymbolicLink(volume.resolve("..data"), data.getFileName());
		Files.createSymbolicLink(volume.resolve(NAME + ".key"), Path.of("..data", NAME + ".key"));
		Files.createSymbolicLink(volume.resolve(keptName), Path.of("..data", keptName));
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-x---"));
		Files.setPosixFilePermissions(volume, PosixFilePermissions.fromString("rwxr-x---"));
		List<String> before = list(volume);
		KeyFileStore store = new KeyFileStore(volume, KeySource.MOUNTED);
		KeyRing ring = store.loadKeyRing(List.of(NAME));
		assertThat(ring.getKeys(NAME)).extracting(EncryptionKey::getId)
			.containsExactly(KeyId.derive(primary), KeyId.derive(kept));
		assertThat(list(volume)).isEqualTo(before);
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.addKey(NAME))
			.withMessageContaining("Cannot add a key with secret-encryption.key-source=mounted");
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.promote(NAME, KeyId.derive(kept)))
			.withMessageContaining("Cannot promote a key");
		assertThat(list(volume)).isEqualTo(before);
	}

	@Test
	void readingTheKeyRingNeverCreatesAMissingKey() {
		KeyFileStore store = new KeyFileStore(this.temp.resolve("keys"));
		store.loadOrCreate(NAME);
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.readKeyRing(List.of(NAME, OTHER)))
			.withMessageContaining("does not exist");
		assertThat(store.fileOf(OTHER)).doesNotExist();
	}

	private static void write(Path file, byte[] bytes) throws IOException {
		Files.write(file, bytes);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
	}

	private static String mode(Path path) {
		try {
			return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> list(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] randomKey() {
		byte[] key = new byte[EncryptionKey.LENGTH];
		new SecureRandom().nextBytes(key);
		return key;
	}

}
