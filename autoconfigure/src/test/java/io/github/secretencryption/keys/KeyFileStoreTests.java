package io.github.secretencryption.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link KeyFileStore}. They run as any user, root included, so they check the
 * modes the store sets and refuses rather than relying on access being denied.
 */
class KeyFileStoreTests {

	private static final String NAME = "secret-encryption";

	private static final Set<PosixFilePermission> MODE_600 = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> MODE_700 = PosixFilePermissions.fromString("rwx------");

	@TempDir
	Path temp;

	@Test
	void firstStartCreatesOwnerOnlyDirectoryAndKeyFileOf32Bytes() throws IOException {
		Path directory = this.temp.resolve("keys");
		EncryptionKey key = new KeyFileStore(directory).loadOrCreate(NAME);
		Path file = directory.resolve(NAME + ".key");
		assertThat(key.getName()).isEqualTo(NAME);
		assertThat(key.getFile()).isEqualTo(file);
		assertThat(mode(directory)).isEqualTo(MODE_700);
		assertThat(mode(file)).isEqualTo(MODE_600);
		assertThat(file).isRegularFile().hasSize(32);
		assertThat(key.getId()).isEqualTo(KeyId.derive(Files.readAllBytes(file)));
	}

	@Test
	void firstStartCreatesMissingParentDirectories() {
		Path directory = this.temp.resolve("a").resolve("b").resolve("keys");
		new KeyFileStore(directory).loadOrCreate(NAME);
		assertThat(mode(directory)).isEqualTo(MODE_700);
		assertThat(directory.resolve(NAME + ".key")).hasSize(32);
	}

	@Test
	void keyIsMadeOfBytesFromTheRandomSource() throws IOException {
		byte[] bytes = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
		Path directory = this.temp.resolve("keys");
		EncryptionKey key = new KeyFileStore(directory, fixedRandom(bytes)).loadOrCreate(NAME);
		assertThat(Files.readAllBytes(directory.resolve(NAME + ".key"))).isEqualTo(bytes);
		assertThat(key.getId()).hasToString("69677391");
	}

	@Test
	void secondStartLoadsTheSameKey() throws IOException {
		Path directory = this.temp.resolve("keys");
		EncryptionKey first = new KeyFileStore(directory).loadOrCreate(NAME);
		byte[] written = Files.readAllBytes(first.getFile());
		EncryptionKey second = new KeyFileStore(directory).loadOrCreate(NAME);
		EncryptionKey loaded = new KeyFileStore(directory).load(NAME);
		assertThat(second.getId()).isEqualTo(first.getId());
		assertThat(loaded.getId()).isEqualTo(first.getId());
		assertThat(second.hasSameBytesAs(first)).isTrue();
		assertThat(loaded.hasSameBytesAs(first)).isTrue();
		assertThat(Files.readAllBytes(first.getFile())).isEqualTo(written);
	}

	@Test
	void eachKeyNameGetsItsOwnKey() {
		KeyFileStore store = new KeyFileStore(this.temp.resolve("keys"));
		EncryptionKey key = store.loadOrCreate(NAME);
		EncryptionKey other = store.loadOrCreate("health-check");
		assertThat(other.getFile()).isEqualTo(this.temp.resolve("keys").resolve("health-check.key"));
		assertThat(other.hasSameBytesAs(key)).isFalse();
		assertThat(other.getId()).isNotEqualTo(key.getId());
	}

	@Test
	void noTemporaryFileIsLeftAfterCreation() throws IOException {
		Path directory = this.temp.resolve("keys");
		new KeyFileStore(directory).loadOrCreate(NAME);
		assertThat(list(directory)).containsExactly(NAME + ".key");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 31, 33, 64, 5000 })
	void keyFileOfWrongLengthIsRefusedAndKeptAsItIs(int length) throws IOException {
		Path directory = ownerOnlyDirectory();
		byte[] content = new byte[length];
		new SecureRandom().nextBytes(content);
		Path file = ownerOnlyFile(directory.resolve(NAME + ".key"), content);
		KeyFileStore store = new KeyFileStore(directory);
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.load(NAME))
			.withMessage("Key file " + file + " holds " + length + " bytes instead of 32 (key " + NAME + ")")
			.actual();
		assertThat(ex.getPath()).isEqualTo(file);
		assertThat(ex.getAction()).isEqualTo("Restore the key file from a backup; a key file holds exactly 32 raw "
				+ "bytes and must never be edited");
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.loadOrCreate(NAME))
			.withMessageContaining(file.toString());
		assertThat(Files.readAllBytes(file)).isEqualTo(content);
		assertThat(ex).hasNoCause();
	}

	@ParameterizedTest
	@ValueSource(strings = { "rw-r--r--", "rw-rw----", "rw-r-----", "rw--w----", "rw---x---", "rw----r--", "rw-----w-",
			"rw------x", "rwx--x---" })
	void keyFileThatGroupOrOthersMayAccessIsRefused(String mode) throws IOException {
		Path directory = ownerOnlyDirectory();
		Path file = ownerOnlyFile(directory.resolve(NAME + ".key"), new byte[32]);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
		KeyFileStore store = new KeyFileStore(directory);
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.load(NAME))
			.withMessage("Key file " + file + " has mode " + mode + ", which lets group or others access it (key "
					+ NAME + ")")
			.actual();
		assertThat(ex.getPath()).isEqualTo(file);
		assertThat(ex.getAction())
			.isEqualTo("Run 'chmod 600 " + file + "' and check that nobody else has read the key");
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.loadOrCreate(NAME));
		assertThat(mode(file)).isEqualTo(PosixFilePermissions.fromString(mode));
	}

	@ParameterizedTest
	@ValueSource(strings = { "r--------", "rw-------" })
	void keyFileThatOnlyItsOwnerMayAccessIsAccepted(String mode) throws IOException {
		Path directory = ownerOnlyDirectory();
		Path file = ownerOnlyFile(directory.resolve(NAME + ".key"), new byte[32]);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
		assertThat(new KeyFileStore(directory).load(NAME).getId()).hasToString("543d0e0d");
	}

	@ParameterizedTest
	@ValueSource(strings = { "rwxr-xr-x", "rwxrwxrwx", "rwxr-----", "rwx-w----", "rwx--x---", "rwx---r--", "rwx----w-",
			"rwx-----x" })
	void keyDirectoryThatGroupOrOthersMayAccessIsRefused(String mode) throws IOException {
		Path directory = Files.createDirectory(this.temp.resolve("keys"));
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(mode));
		KeyFileStore store = new KeyFileStore(directory);
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> store.loadOrCreate(NAME))
			.withMessage("Key directory " + directory + " has mode " + mode
					+ ", which lets group or others access it (key " + NAME + ")")
			.actual();
		assertThat(ex.getPath()).isEqualTo(directory);
		assertThat(ex.getAction())
			.isEqualTo("Run 'chmod 700 " + directory + "' and check that nobody else has read the key");
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.load(NAME));
		assertThat(list(directory)).isEmpty();
		assertThat(mode(directory)).isEqualTo(PosixFilePermissions.fromString(mode));
	}

	@Test
	void symbolicLinkToAKeyFileIsRefused() throws IOException {
		Path directory = ownerOnlyDirectory();
		Path target = ownerOnlyFile(directory.resolve("real.key"), new byte[32]);
		Path link = Files.createSymbolicLink(directory.resolve(NAME + ".key"), target);
		KeyFileStore store = new KeyFileStore(directory);
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.load(NAME))
			.withMessage("Key file " + link + " is not a regular file (key " + NAME + ")")
			.actual();
		assertThat(ex.getAction()).isEqualTo("Replace it with the regular key file from a backup");
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.loadOrCreate(NAME));
	}

	@Test
	void danglingSymbolicLinkIsRefusedAndNothingIsWrittenThroughIt() throws IOException {
		Path directory = ownerOnlyDirectory();
		Path target = this.temp.resolve("elsewhere.key");
		Path link = Files.createSymbolicLink(directory.resolve(NAME + ".key"), target);
		KeyFileStore store = new KeyFileStore(directory);
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.loadOrCreate(NAME))
			.withMessageContaining("Key file " + link + " is not a regular file");
		assertThat(target).doesNotExist();
		assertThat(Files.isSymbolicLink(link)).isTrue();
	}

	@Test
	void symbolicLinkToTheKeyDirectoryIsRefusedAndNothingIsWrittenThroughIt() throws IOException {
		Path target = ownerOnlyDirectory();
		ownerOnlyFile(target.resolve(NAME + ".key"), new byte[32]);
		Path link = Files.createSymbolicLink(this.temp.resolve("linked-keys"), target);
		KeyFileStore store = new KeyFileStore(link);
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.load(NAME))
			.withMessageStartingWith("Key directory " + link + " is a symbolic link to " + target.toRealPath() + "; ")
			.actual();
		assertThat(ex.getAction()).isEqualTo("Set secret-encryption.key-directory to the directory the link leads to");
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.loadOrCreate("other"))
			.withMessageStartingWith("Key directory " + link + " is a symbolic link");
		assertThat(target).isDirectoryNotContaining("glob:**/other*");
	}

	@Test
	void keyPathThatIsADirectoryIsRefused() throws IOException {
		Path directory = ownerOnlyDirectory();
		Path file = Files.createDirectory(directory.resolve(NAME + ".key"));
		KeyFileStore store = new KeyFileStore(directory);
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.loadOrCreate(NAME))
			.withMessage("Key file " + file + " is not a regular file (key " + NAME + ")");
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.load(NAME));
	}

	@Test
	void recentTemporaryFilesAreIgnoredAndKeptAsAnotherProcessMayBeWritingThem() throws IOException {
		Path directory = ownerOnlyDirectory();
		byte[] leftoverBytes = new byte[32];
		Path leftover = Files.write(directory.resolve("." + NAME + ".123456789.tmp"), leftoverBytes);
		Files.setPosixFilePermissions(leftover, PosixFilePermissions.fromString("rw-r--r--"));
		Path partial = ownerOnlyFile(directory.resolve("." + NAME + ".987654321.tmp"), new byte[7]);
		EncryptionKey key = new KeyFileStore(directory).loadOrCreate(NAME);
		assertThat(key.getId()).isNotEqualTo(KeyId.derive(leftoverBytes));
		assertThat(Files.readAllBytes(leftover)).isEqualTo(leftoverBytes);
		assertThat(partial).hasSize(7);
		assertThat(list(directory)).containsExactlyInAnyOrder(NAME + ".key", leftover.getFileName().toString(),
				partial.getFileName().toString());
		assertThat(new KeyFileStore(directory).load(NAME).getId()).isEqualTo(key.getId());
	}

	@Test
	void partialTemporaryFileOfAKilledProcessIsNeverLoadedAndIsDeletedOnceAMinuteOld() throws IOException {
		Path directory = ownerOnlyDirectory();
		byte[] partialBytes = new byte[7];
		new SecureRandom().nextBytes(partialBytes);
		Path partial = ownerOnlyFile(directory.resolve("." + NAME + ".4182039916237120593.tmp"), partialBytes);
		Path fresh = ownerOnlyFile(directory.resolve("." + NAME + ".77.tmp"), new byte[32]);
		Instant twoMinutesAgo = Instant.now().minus(Duration.ofMinutes(2));
		Files.setLastModifiedTime(partial, FileTime.from(twoMinutesAgo));
		List<Path> unrelated = List.of(ownerOnlyFile(directory.resolve(".health-check.55.tmp"), new byte[7]),
				ownerOnlyFile(directory.resolve("." + NAME + ".x1.tmp"), new byte[7]),
				ownerOnlyFile(directory.resolve(NAME + ".123.tmp"), new byte[7]),
				Files.createDirectory(directory.resolve("." + NAME + ".56.tmp")));
		for (Path path : unrelated) {
			Files.setLastModifiedTime(path, FileTime.from(twoMinutesAgo));
		}
		EncryptionKey key = new KeyFileStore(directory).loadOrCreate(NAME);
		assertThat(partial).doesNotExist();
		assertThat(fresh).exists();
		assertThat(unrelated).allSatisfy((path) -> assertThat(path).exists());
		assertThat(directory.resolve(NAME + ".key")).hasSize(32);
		assertThat(new KeyFileStore(directory).load(NAME).getId()).isEqualTo(key.getId());
	}

	@Test
	void oldTemporaryFileIsDeletedEvenWhenTheKeyExists() throws IOException {
		Path directory = ownerOnlyDirectory();
		EncryptionKey key = new KeyFileStore(directory).loadOrCreate(NAME);
		Path partial = ownerOnlyFile(directory.resolve("." + NAME + ".31.tmp"), new byte[7]);
		Files.setLastModifiedTime(partial, FileTime.from(Instant.now().minus(Duration.ofMinutes(2))));
		assertThat(new KeyFileStore(directory).load(NAME).getId()).isEqualTo(key.getId());
		assertThat(partial).as("load never deletes").exists();
		assertThat(new KeyFileStore(directory).loadOrCreate(NAME).getId()).isEqualTo(key.getId());
		assertThat(partial).doesNotExist();
	}

	@Test
	void keyFileOwnedByAnotherUserIsRefused() throws IOException {
		assumeRoot();
		Path directory = ownerOnlyDirectory();
		Path file = ownerOnlyFile(directory.resolve(NAME + ".key"), new byte[32]);
		Files.setAttribute(file, "unix:uid", 65534);
		KeyFileStore store = new KeyFileStore(directory);
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.load(NAME))
			.withMessage("Key file " + file + " is owned by uid 65534, not by uid 0 that runs the application (key "
					+ NAME + ")")
			.actual();
		assertThat(ex.getPath()).isEqualTo(file);
		assertThat(ex.getAction()).isEqualTo("Run the application as the user that owns the keys, or run 'chown 0 "
				+ file + "' and check that nobody else has read or changed the key");
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.loadOrCreate(NAME))
			.withMessageContaining("is owned by uid 65534");
		assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(65534);
	}

	@Test
	void keyDirectoryOwnedByAnotherUserIsRefusedAndNothingIsCreatedInIt() throws IOException {
		assumeRoot();
		Path directory = ownerOnlyDirectory();
		Files.setAttribute(directory, "unix:uid", 65534);
		KeyFileStore store = new KeyFileStore(directory);
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> store.loadOrCreate(NAME))
			.withMessage("Key directory " + directory + " is owned by uid 65534, not by uid 0 that runs the "
					+ "application (key " + NAME + ")")
			.actual();
		assertThat(ex.getPath()).isEqualTo(directory);
		assertThat(ex.getAction()).contains("'chown 0 " + directory + "'");
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.load(NAME));
		assertThat(list(directory)).isEmpty();
	}

	@Test
	void keyRingHoldsTheKeysOfEveryNameInTheGivenOrder() {
		Path directory = this.temp.resolve("keys");
		KeyRing keyRing = new KeyFileStore(directory).loadKeyRing(List.of("health-check", NAME));
		assertThat(keyRing.getNames()).containsExactly("health-check", NAME);
		assertThat(keyRing.getPrimary(NAME).getFile()).isEqualTo(directory.resolve(NAME + ".key"));
		assertThat(new KeyFileStore(directory).loadKeyRing(List.of(NAME)).getPrimary(NAME).getId())
			.isEqualTo(keyRing.getPrimary(NAME).getId());
	}

	@Test
	void keyNameListedTwiceIsRefusedBeforeAnyKeyIsCreated() {
		Path directory = this.temp.resolve("keys");
		KeyFileStore store = new KeyFileStore(directory);
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> store.loadKeyRing(List.of(NAME, "health-check", NAME)))
			.withMessage("Key name '" + NAME + "' is listed twice (key " + NAME + ")")
			.actual();
		assertThat(ex.getPath()).isEqualTo(directory.resolve(NAME + ".key"));
		assertThat(ex.getAction()).isEqualTo("List each key name once in secret-encryption.keys");
		assertThat(directory).doesNotExist();
	}

	@Test
	void twoNamesWithTheSameKeyAreRefused() throws IOException {
		Path directory = ownerOnlyDirectory();
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		Path first = ownerOnlyFile(directory.resolve(NAME + ".key"), bytes);
		Path second = ownerOnlyFile(directory.resolve("health-check.key"), bytes);
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(directory).loadKeyRing(List.of(NAME, "health-check")))
			.withMessage("Key files " + first + " and " + second + " hold the same key (key health-check)")
			.actual();
		assertThat(ex.getPath()).isEqualTo(second);
		assertThat(ex.getAction()).startsWith("Give each key name a key of its own: restore " + second
				+ " from the backup that matches the database, or, if nothing has been encrypted under "
				+ "'health-check' yet, ");
		assertThat(ex.getMessage()).doesNotContain(KeyMaterial.representations(bytes));
	}

	@Test
	void twoNamesWithDifferentKeysOfTheSameIdAreRefused() throws IOException {
		Path directory = ownerOnlyDirectory();
		byte[] firstBytes = HexFormat.of().parseHex("9af666a91df3e31f6647437755ff53cafc921ba19e70198375a938dc9395b6ff");
		byte[] secondBytes = HexFormat.of()
			.parseHex("94670aa58cf85e05f8cde7e458419b3657cc4e13fd9e690fdcb0168f3bd1444d");
		assertThat(KeyId.derive(firstBytes)).isEqualTo(KeyId.derive(secondBytes)).hasToString("487a5140");
		Path first = ownerOnlyFile(directory.resolve(NAME + ".key"), firstBytes);
		Path second = ownerOnlyFile(directory.resolve("health-check.key"), secondBytes);
		assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(directory).loadKeyRing(List.of(NAME, "health-check")))
			.withMessage("Key files " + first + " and " + second + " have the same key id 487a5140 (key health-check)");
	}

	@Test
	void loadingAMissingKeyIsRefusedWithoutCreatingIt() {
		Path directory = ownerOnlyDirectory();
		Path file = directory.resolve(NAME + ".key");
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(directory).load(NAME))
			.withMessage("Key file " + file + " does not exist (key " + NAME + ")")
			.actual();
		assertThat(ex.getAction()).isEqualTo("Restore the key file from a backup");
		assertThat(file).doesNotExist();
	}

	@Test
	void loadingFromAMissingDirectoryIsRefusedWithoutCreatingIt() {
		Path directory = this.temp.resolve("keys");
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(directory).load(NAME))
			.withMessage("Key directory " + directory + " does not exist (key " + NAME + ")")
			.actual();
		assertThat(ex.getPath()).isEqualTo(directory);
		assertThat(ex.getAction()).contains("secret-encryption.key-directory");
		assertThat(directory).doesNotExist();
	}

	@Test
	void keyDirectoryThatIsAFileIsRefused() throws IOException {
		Path notADirectory = Files.write(this.temp.resolve("keys"), new byte[0]);
		KeyFileStore store = new KeyFileStore(notADirectory);
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.loadOrCreate(NAME))
			.withMessage("Key directory " + notADirectory + " is not a directory (key " + NAME + ")");
		assertThatExceptionOfType(KeyFileException.class).isThrownBy(() -> store.load(NAME));
	}

	@Test
	void keyDirectoryThatCannotBeCreatedIsRefused() throws IOException {
		Path file = Files.write(this.temp.resolve("file"), new byte[0]);
		Path directory = file.resolve("keys");
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(directory).loadOrCreate(NAME))
			.withMessageStartingWith("Key directory " + directory + " cannot be created: ")
			.actual();
		assertThat(ex.getPath()).isEqualTo(directory);
		assertThat(ex.getAction()).startsWith("Create the directory with mode 700");
		assertThat(ex).hasNoCause();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Secret", "-key", "../key", "a/b", "a.key", "key name", "ключ",
			"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
	void invalidKeyNameIsRefused(String name) {
		KeyFileStore store = new KeyFileStore(this.temp.resolve("keys"));
		assertThatIllegalArgumentException().isThrownBy(() -> store.loadOrCreate(name))
			.withMessageStartingWith("Key name '" + name + "' is invalid");
		assertThatIllegalArgumentException().isThrownBy(() -> store.load(name));
		assertThatIllegalArgumentException().isThrownBy(() -> store.fileOf(name));
		assertThat(this.temp.resolve("keys")).doesNotExist();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "a", "0", "health-check", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-" })
	void validKeyNameIsAccepted(String name) {
		Path directory = this.temp.resolve("keys");
		EncryptionKey key = new KeyFileStore(directory).loadOrCreate(name);
		assertThat(key.getFile()).isEqualTo(directory.resolve(name + ".key"));
	}

	@Test
	void concurrentFirstStartsEndWithOneKey() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 100; round++) {
				Path directory = this.temp.resolve("round-" + round).resolve("keys");
				CountDownLatch start = new CountDownLatch(1);
				List<Future<EncryptionKey>> futures = new ArrayList<>();
				for (int thread = 0; thread < 4; thread++) {
					futures.add(executor.submit(() -> {
						start.await();
						return new KeyFileStore(directory).loadOrCreate(NAME);
					}));
				}
				start.countDown();
				List<EncryptionKey> keys = new ArrayList<>();
				for (Future<EncryptionKey> future : futures) {
					keys.add(future.get(1, TimeUnit.MINUTES));
				}
				assertThat(keys).allSatisfy((key) -> assertThat(key.hasSameBytesAs(keys.get(0))).isTrue());
				assertThat(KeyId.derive(Files.readAllBytes(directory.resolve(NAME + ".key"))))
					.isEqualTo(keys.get(0).getId());
				assertThat(list(directory)).containsExactly(NAME + ".key");
				assertThat(mode(directory)).isEqualTo(MODE_700);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void directoryIsAbsoluteAndNormalized() {
		KeyFileStore store = new KeyFileStore(Path.of("keys", "..", "other-keys"));
		assertThat(store.getDirectory()).isAbsolute().isEqualTo(Path.of("other-keys").toAbsolutePath());
		assertThat(store.fileOf(NAME)).isEqualTo(store.getDirectory().resolve(NAME + ".key"));
		assertThat(store).hasToString("KeyFileStore[" + store.getDirectory() + "]");
	}

	private static void assumeRoot() {
		assumeTrue(ForkedJvm.isRootOnLinux(), "Needs root on Linux to give a file to another user");
	}

	private Path ownerOnlyDirectory() {
		try {
			Path directory = Files.createDirectory(this.temp.resolve("keys"));
			Files.setPosixFilePermissions(directory, MODE_700);
			return directory;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path ownerOnlyFile(Path file, byte[] content) throws IOException {
		Files.write(file, content);
		Files.setPosixFilePermissions(file, MODE_600);
		return file;
	}

	private static Set<PosixFilePermission> mode(Path path) {
		try {
			return Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> list(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

	private static SecureRandom fixedRandom(byte[] bytes) {
		return new SecureRandom() {

			@Override
			public void nextBytes(byte[] output) {
				System.arraycopy(bytes, 0, output, 0, output.length);
			}

		};
	}

}
