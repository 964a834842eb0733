package io.github.secretencryption.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link KeyFileStore} in {@link KeySource#MOUNTED mounted} mode, on key
 * directories laid out as a Kubernetes Secret volume is. The volume's real mount (a
 * read-only tmpfs) is tested by {@link KeyFileStoreProcessTests}; here the directories
 * lie on a file system mounted read-write, where their modes are checked.
 */
class MountedKeyFileStoreTests {

	private static final String NAME = "secret-encryption";

	private static final String DATA = "..2026_12_04_16_49_09.1234567890";

	@TempDir
	Path temp;

	private final byte[] key = randomKey();

	@Test
	void keyOfAKubernetesSecretVolumeIsLoadedThroughItsSymbolicLinks() throws IOException {
		Path volume = secretVolume("rwxr-x---", "rwxr-x---", "r--r-----");
		Map<String, String> before = DirectorySnapshot.of(volume);
		KeyFileStore store = new KeyFileStore(volume, KeySource.MOUNTED);
		EncryptionKey loaded = store.loadOrCreate(NAME);
		assertThat(loaded.getId()).isEqualTo(KeyId.derive(this.key));
		assertThat(loaded.getFile()).isEqualTo(volume.resolve(NAME + ".key"));
		assertThat(store.load(NAME).hasSameBytesAs(loaded)).isTrue();
		assertThat(store.loadKeyRing(List.of(NAME)).getPrimary(NAME).getId()).isEqualTo(loaded.getId());
		assertThat(DirectorySnapshot.of(volume)).isEqualTo(before);
		assertThat(store.getSource()).isEqualTo(KeySource.MOUNTED);
		assertThat(store).hasToString("KeyFileStore[" + volume + ", mounted]");
	}

	@Test
	void keyThatIsARegularFileIsLoaded() throws IOException {
		Path directory = directory("rwx------");
		file(directory.resolve(NAME + ".key"), "r--------");
		assertThat(new KeyFileStore(directory, KeySource.MOUNTED).load(NAME).getId()).isEqualTo(KeyId.derive(this.key));
	}

	@ParameterizedTest
	@ValueSource(strings = { "r--r-----", "r--------", "rw-------", "rw-r-----", "r-xr-x---" })
	void keyFileThatItsGroupMayReadIsAccepted(String mode) throws IOException {
		Path volume = secretVolume("rwxr-x---", "rwxr-x---", mode);
		assertThat(new KeyFileStore(volume, KeySource.MOUNTED).load(NAME).getId()).isEqualTo(KeyId.derive(this.key));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "r--rw----", "rw-rw----", "r---w----", "r--r--r--", "r--r---w-", "r--r----x", "rw-rw-rw-" })
	void keyFileThatItsGroupMayChangeOrOthersMayAccessIsRefused(String mode) throws IOException {
		Path volume = secretVolume("rwxr-x---", "rwxr-x---", mode);
		Path real = volume.resolve(DATA).resolve(NAME + ".key");
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(volume, KeySource.MOUNTED).load(NAME))
			.withMessage("Key file " + real + " has mode " + mode
					+ ", which lets others access it or its group change it (key " + NAME + ")")
			.actual();
		assertThat(ex.getPath()).isEqualTo(real);
		assertThat(ex.getAction()).isEqualTo("Have the platform provide it with mode 0440 or 0400 (in Kubernetes, "
				+ "'defaultMode: 0440' on the Secret volume) and check that nobody else has read the key");
	}

	@ParameterizedTest
	@ValueSource(strings = { "rwxr-xr-x", "rwxrwxrwx", "rwxrwx---", "rwx-----x", "rwx---r--" })
	void keyDirectoryOpenToOthersOnAReadWriteMountIsRefused(String mode) throws IOException {
		Path volume = secretVolume(mode, "rwxr-x---", "r--r-----");
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(volume, KeySource.MOUNTED).load(NAME))
			.withMessage("Key directory " + volume + " has mode " + mode + " on a file system mounted read-write, "
					+ "which lets others access it or its group change it (key " + NAME + ")")
			.actual();
		assertThat(ex.getPath()).isEqualTo(volume);
		assertThat(ex.getAction()).isEqualTo("Mount the keys read-only (Kubernetes mounts Secret volumes read-only), "
				+ "or run 'chmod 750 " + volume + "' and check that nobody else has changed the keys");
	}

	@ParameterizedTest
	@ValueSource(strings = { "rwxr-xr-x", "rwxrwxrwx", "rwxrwx---" })
	void directoryBetweenTheKeyDirectoryAndTheKeyOpenToOthersOnAReadWriteMountIsRefused(String mode)
			throws IOException {
		Path volume = secretVolume("rwxr-x---", mode, "r--r-----");
		assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(volume, KeySource.MOUNTED).load(NAME))
			.withMessage("Directory " + volume.resolve(DATA) + " has mode " + mode
					+ " on a file system mounted read-write, which lets others access it or its group change it (key "
					+ NAME + ")");
	}

	@ParameterizedTest
	@ValueSource(strings = { "rwx------", "rwxr-x---", "r-xr-x---", "rwxr-----" })
	void directoriesClosedToOthersAreAccepted(String mode) throws IOException {
		Path volume = secretVolume(mode, mode, "r--r-----");
		assertThat(new KeyFileStore(volume, KeySource.MOUNTED).load(NAME).getId()).isEqualTo(KeyId.derive(this.key));
	}

	@Test
	void symbolicLinkThatLeadsOutOfTheKeyDirectoryIsRefused() throws IOException {
		Path directory = directory("rwxr-x---");
		Path elsewhere = file(Files.createDirectory(this.temp.resolve("elsewhere")).resolve(NAME + ".key"),
				"r--------");
		Path link = Files.createSymbolicLink(directory.resolve(NAME + ".key"),
				Path.of("..", "elsewhere", NAME + ".key"));
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(directory, KeySource.MOUNTED).load(NAME))
			.withMessage("Key file " + link + " resolves to " + elsewhere + ", outside the key directory " + directory
					+ " (key " + NAME + ")")
			.actual();
		assertThat(ex.getPath()).isEqualTo(link);
		assertThat(ex.getAction()).isEqualTo("Have the platform provide the key inside " + directory
				+ "; a symbolic link may only lead to a file inside the key directory");
	}

	@Test
	void dataLinkThatLeadsOutOfTheKeyDirectoryIsRefused() throws IOException {
		Path directory = directory("rwxr-x---");
		Path outside = Files.createDirectory(this.temp.resolve(DATA));
		file(outside.resolve(NAME + ".key"), "r--------");
		Files.createSymbolicLink(directory.resolve("..data"), outside);
		Files.createSymbolicLink(directory.resolve(NAME + ".key"), Path.of("..data", NAME + ".key"));
		assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(directory, KeySource.MOUNTED).load(NAME))
			.withMessageContaining("outside the key directory " + directory);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sub", "." })
	void symbolicLinkToADirectoryIsRefused(String target) throws IOException {
		Path directory = directory("rwxr-x---");
		Files.createDirectory(directory.resolve("sub"));
		Path link = Files.createSymbolicLink(directory.resolve(NAME + ".key"), Path.of(target));
		assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(directory, KeySource.MOUNTED).load(NAME))
			.withMessage("Key file " + link + " is not a regular file (key " + NAME + ")");
	}

	@Test
	void danglingSymbolicLinkIsRefusedAsAKeyTheMountDoesNotProvide() throws IOException {
		Path directory = directory("rwxr-x---");
		Path link = Files.createSymbolicLink(directory.resolve(NAME + ".key"), Path.of("..data", NAME + ".key"));
		assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(directory, KeySource.MOUNTED).load(NAME))
			.withMessage("Key file " + link + " is a symbolic link to a file that does not exist; with "
					+ "secret-encryption.key-source=mounted keys are never created (key " + NAME + ")");
		assertThat(list(directory)).containsExactly(NAME + ".key");
	}

	@Test
	void missingKeyIsRefusedAndNothingIsCreated() throws IOException {
		Path volume = secretVolume("rwxr-x---", "rwxr-x---", "r--r-----");
		Map<String, String> before = DirectorySnapshot.of(volume);
		Path file = volume.resolve("health-check.key");
		KeyFileStore store = new KeyFileStore(volume, KeySource.MOUNTED);
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> store.loadOrCreate("health-check"))
			.withMessage("Key file " + file + " does not exist; with secret-encryption.key-source=mounted keys are "
					+ "never created (key health-check)")
			.actual();
		assertThat(ex.getPath()).isEqualTo(file);
		assertThat(ex.getAction()).isEqualTo("Have the platform provide health-check.key (add it to the Kubernetes "
				+ "Secret or Vault agent template mounted at " + volume
				+ "), or set secret-encryption.key-source=files to let the application create its keys");
		assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> store.loadKeyRing(List.of(NAME, "health-check")));
		assertThat(DirectorySnapshot.of(volume)).isEqualTo(before);
	}

	@Test
	void missingKeyDirectoryIsRefusedAndNotCreated() {
		Path directory = this.temp.resolve("mnt").resolve("keys");
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(directory, KeySource.MOUNTED).loadOrCreate(NAME))
			.withMessage("Key directory " + directory + " does not exist (key " + NAME + ")")
			.actual();
		assertThat(ex.getAction()).isEqualTo("Mount the keys at " + directory + " (a Kubernetes Secret volume, a "
				+ "Vault agent's output directory), or set secret-encryption.key-directory to where they are mounted");
		assertThat(this.temp.resolve("mnt")).doesNotExist();
	}

	@Test
	void oldTemporaryFilesAreLeftAlone() throws IOException {
		Path directory = directory("rwx------");
		file(directory.resolve(NAME + ".key"), "r--------");
		Path leftover = Files.write(directory.resolve("." + NAME + ".123.tmp"), new byte[7]);
		Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
		new KeyFileStore(directory, KeySource.MOUNTED).loadOrCreate(NAME);
		assertThat(leftover).exists();
	}

	@Test
	void keyOfTheWrongLengthIsRefusedUnderTheNameOfItsLink() throws IOException {
		Path volume = secretVolume("rwxr-x---", "rwxr-x---", "r--r-----");
		Path real = volume.resolve(DATA).resolve(NAME + ".key");
		Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
		Files.write(real, new byte[31]);
		Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("r--r-----"));
		assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(volume, KeySource.MOUNTED).load(NAME))
			.withMessage(
					"Key file " + volume.resolve(NAME + ".key") + " holds 31 bytes instead of 32 (key " + NAME + ")");
	}

	@Test
	void keyFileOwnedByAUserOtherThanRootOrTheProcessIsRefused() throws IOException {
		assumeTrue(ForkedJvm.isRootOnLinux(), "Needs root on Linux to give a file to another user");
		Path volume = secretVolume("rwxr-x---", "rwxr-x---", "r--r-----");
		Path real = volume.resolve(DATA).resolve(NAME + ".key");
		Files.setAttribute(real, "unix:uid", 1234);
		KeyFileException ex = assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(volume, KeySource.MOUNTED).load(NAME))
			.withMessage("Key file " + real + " is owned by uid 1234, neither root nor uid 0 that runs the application "
					+ "(key " + NAME + ")")
			.actual();
		assertThat(ex.getAction()).isEqualTo("Have the platform provide it owned by root or by uid 0 and check that "
				+ "nobody else has read or changed the key");
	}

	@Test
	void directoryOwnedByAUserOtherThanRootOrTheProcessIsRefused() throws IOException {
		assumeTrue(ForkedJvm.isRootOnLinux(), "Needs root on Linux to give a file to another user");
		Path volume = secretVolume("rwxr-x---", "rwxr-x---", "r--r-----");
		Files.setAttribute(volume.resolve(DATA), "unix:uid", 1234);
		assertThatExceptionOfType(KeyFileException.class)
			.isThrownBy(() -> new KeyFileStore(volume, KeySource.MOUNTED).load(NAME))
			.withMessage("Directory " + volume.resolve(DATA) + " is owned by uid 1234, neither root nor uid 0 that "
					+ "runs the application (key " + NAME + ")");
	}

	/**
	 * Lay out a Kubernetes Secret volume as the kubelet writes it: the key in a directory
	 * named after the time of writing, {@code ..data} linked to that directory, and the
	 * key's visible name linked to {@code ..data/<name>.key}.
	 */
	private Path secretVolume(String volumeMode, String dataMode, String keyMode) throws IOException {
		Path volume = Files.createDirectory(this.temp.resolve("keys"));
		Path data = Files.createDirectory(volume.resolve(DATA));
		file(data.resolve(NAME + ".key"), keyMode);
		Files.createSymbolicLink(volume.resolve("..data"), Path.of(DATA));
		Files.createSymbolicLink(volume.resolve(NAME + ".key"), Path.of("..data", NAME + ".key"));
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString(dataMode));
		Files.setPosixFilePermissions(volume, PosixFilePermissions.fromString(volumeMode));
		return volume;
	}

	private Path directory(String mode) throws IOException {
		Path directory = Files.createDirectory(this.temp.resolve("keys"));
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(mode));
		return directory;
	}

	private Path file(Path file, String mode) throws IOException {
		Files.write(file, this.key);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
		return file;
	}

	private static List<String> list(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

	private static byte[] randomKey() {
		byte[] key = new byte[EncryptionKey.LENGTH];
		new SecureRandom().nextBytes(key);
		return key;
	}

}
