package io.github.secretencryption.keys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link KeyFileStore} with real processes: several JVMs creating the same key
 * at once, a JVM killed while it creates keys, and JVMs that run as another user or on a
 * read-only mount. Those that need root (to switch user or mount a file system in a
 * namespace of their own) are skipped, saying why, when the tests run as anyone else.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KeyFileStoreProcessTests {

	private static final String NAME = "secret-encryption";

	private static final int NOBODY = 65534;

	@TempDir
	Path temp;

	@Test
	void twoProcessesStartingAtOnceOnAnEmptyDirectoryEndWithOneKey() throws Exception {
		for (int round = 0; round < 30; round++) {
			Path directory = Files.createDirectory(this.temp.resolve("round-" + round)).resolve("keys");
			if (round % 2 == 1) {
				// Half of the rounds start on an existing empty directory, half on none
				Files.createDirectories(directory);
				Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
			}
			List<String> ids = raceTwoProcesses(directory);
			assertThat(ids).as("round %d", round).hasSize(2);
			assertThat(ids.get(1)).as("round %d", round).isEqualTo(ids.get(0));
			assertThat(list(directory)).as("round %d", round).containsExactly(NAME + ".key");
			Path file = directory.resolve(NAME + ".key");
			assertThat(file).hasSize(EncryptionKey.LENGTH);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)))
				.isEqualTo("rw-------");
			assertThat(KeyId.derive(Files.readAllBytes(file))).hasToString(ids.get(0));
		}
	}

	private List<String> raceTwoProcesses(Path directory) throws Exception {
		List<Process> processes = new ArrayList<>();
		List<BufferedReader> outputs = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			Path errors = directory.getParent().resolve("errors-" + i + ".txt");
			Process process = new ProcessBuilder(ForkedJvm.command("race", directory.toString(), NAME))
				.redirectError(errors.toFile())
				.start();
			processes.add(process);
			outputs.add(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
		}
		for (BufferedReader output : outputs) {
			assertThat(output.readLine()).isEqualTo("ready");
		}
		for (Process process : processes) {
			OutputStream input = process.getOutputStream();
			input.write('\n');
			input.close();
		}
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			String line = outputs.get(i).readLine();
			assertThat(processes.get(i).waitFor(1, TimeUnit.MINUTES)).isTrue();
			assertThat(processes.get(i).exitValue())
				.as("exit status, standard output '%s', standard error:%n%s", line,
						Files.readString(directory.getParent().resolve("errors-" + i + ".txt")))
				.isZero();
			assertThat(line).startsWith("key-id ");
			ids.add(line.substring("key-id ".length()));
		}
		return ids;
	}

	@Test
	void processKilledWhileCreatingKeysNeverPublishesAPartialKey() throws Exception {
		int kills = 0;
		int interruptedCreations = 0;
		while (kills < 8 || (interruptedCreations == 0 && kills < 40)) {
			Path base = this.temp.resolve("kill-" + kills);
			killWhileCreatingKeys(base, this.temp.resolve("kill-" + kills + ".txt"));
			kills++;
			for (Path directory : list(base).stream().map(base::resolve).toList()) {
				Path file = directory.resolve(NAME + ".key");
				List<Path> leftovers = list(directory).stream()
					.filter((entry) -> entry.endsWith(".tmp"))
					.map(directory::resolve)
					.toList();
				for (Path leftover : leftovers) {
					// Owner-only from the moment it exists, however early the kill came
					assertThat(Files.getPosixFilePermissions(leftover, LinkOption.NOFOLLOW_LINKS))
						.as("mode of %s", leftover)
						.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
				}
				if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
					assertThat(file).as("published key").hasSize(EncryptionKey.LENGTH);
					assertThat(new KeyFileStore(directory).load(NAME).getFile()).isEqualTo(file);
				}
				else {
					// Killed before publishing: the next start creates a key of its own
					EncryptionKey key = new KeyFileStore(directory).loadOrCreate(NAME);
					for (Path leftover : leftovers) {
						interruptedCreations++;
						assertThat(leftover).exists();
						if (Files.size(leftover) == EncryptionKey.LENGTH) {
							assertThat(key.getId()).isNotEqualTo(KeyId.derive(Files.readAllBytes(leftover)));
						}
					}
				}
			}
		}
		assertThat(interruptedCreations).as("kills among %d that left an unpublished temporary key file", kills)
			.isPositive();
	}

	private void killWhileCreatingKeys(Path base, Path errors) throws Exception {
		Process process = new ProcessBuilder(ForkedJvm.command("loop", base.toString(), NAME))
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(errors.toFile())
			.start();
		try {
			Path started = base.resolve("round-" + ThreadLocalRandom.current().nextInt(2, 20));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (!Files.exists(started) && process.isAlive() && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
			// Somewhere in the middle of a round, which takes tens of milliseconds
			Thread.sleep(ThreadLocalRandom.current().nextInt(0, 80));
			assertThat(process.isAlive())
				.as("creating process still running, standard error:%n%s", Files.readString(errors))
				.isTrue();
		}
		finally {
			process.destroyForcibly();
			process.waitFor(1, TimeUnit.MINUTES);
		}
	}

	@Test
	void underAnOpenUmaskTheKeyDirectoryIsOwnerOnlyAndItsNewParentsAreWritableByTheirOwnerOnly() throws Exception {
		Path directory = this.temp.resolve("umask").resolve("app").resolve("keys");
		List<String> command = new ArrayList<>(List.of("sh", "-c", "umask 000 && exec \"$@\"", "sh"));
		command.addAll(ForkedJvm.command("files", directory.toString(), NAME));
		ForkedJvm.Result result = ForkedJvm.run(command);
		assertThat(result.exitStatus()).as(result.errors()).isZero();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(NAME + ".key"))))
			.isEqualTo("rw-------");
		for (Path parent : List.of(directory.getParent(), directory.getParent().getParent())) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(parent))).as("mode of %s", parent)
				.isEqualTo("rwxr-xr-x");
		}
	}

	@Test
	void missingKeyInADirectoryThatTheProcessCannotWriteIsRefusedWithTheFix() throws IOException {
		assumeRoot("run a process as another user, since root may write anywhere");
		assumeTrue(ForkedJvm.succeeds("setpriv", "--version"), "setpriv is not installed");
		Path directory = Files.createDirectory(this.temp.resolve("keys"));
		Files.setAttribute(directory, "unix:uid", NOBODY);
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("r-x------"));
		Files.setPosixFilePermissions(this.temp, PosixFilePermissions.fromString("rwx--x--x"));
		List<String> command = new ArrayList<>(
				List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
		command.addAll(ForkedJvm.commandForAnyUser(Files.createDirectory(this.temp.resolve("classpath")), "files",
				directory.toString(), NAME));
		ForkedJvm.Result result = ForkedJvm.run(command);
		Path file = directory.resolve(NAME + ".key");
		assertThat(result.exitStatus()).as(result.errors()).isEqualTo(2);
		assertThat(result.line("problem")).isEqualTo("Key file " + file + " cannot be created: permission denied");
		assertThat(result.line("action")).startsWith("Mount the key directory read-write for the first start so that "
				+ "the key can be created, or provide the key file (32 random bytes, mode 600, owned by the user "
				+ "that runs the application), or set secret-encryption.key-source=mounted");
		assertThat(list(directory)).isEmpty();
	}

	@Test
	void missingKeyOnAReadOnlyMountIsRefusedWithTheFix() throws IOException {
		assumeMountNamespaces();
		Path directory = Files.createDirectory(this.temp.resolve("keys"));
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
		List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "--", "sh",
				"-c",
				"mount -t tmpfs -o mode=700 tmpfs \"$1\" && mount -o remount,ro \"$1\" && shift && " + "exec \"$@\"",
				"sh", directory.toString()));
		command.addAll(ForkedJvm.command("files", directory.toString(), NAME));
		ForkedJvm.Result result = ForkedJvm.run(command);
		Path file = directory.resolve(NAME + ".key");
		assertThat(result.exitStatus()).as(result.errors()).isEqualTo(2);
		assertThat(result.line("problem")).isEqualTo("Key file " + file + " cannot be created: read-only file system");
		assertThat(result.line("action")).startsWith("Mount the key directory read-write for the first start");
	}

	@Test
	void kubernetesSecretVolumeIsLoadedByAnotherUserOfTheVolumesGroup() throws IOException {
		assumeMountNamespaces();
		byte[] key = randomKey();
		ForkedJvm.Result result = ForkedJvm.run(kubernetesPod(secretVolume(key, 0), true));
		assertThat(result.exitStatus()).as(result.errors()).isZero();
		assertThat(result.line("key-id")).isEqualTo(KeyId.derive(key).toString());
	}

	@Test
	void kubernetesSecretVolumeMountedReadWriteIsRefusedForItsOpenDirectory() throws IOException {
		assumeMountNamespaces();
		ForkedJvm.Result result = ForkedJvm.run(kubernetesPod(secretVolume(randomKey(), 0), false));
		Path volume = this.temp.resolve("volume");
		assertThat(result.exitStatus()).as(result.errors()).isEqualTo(2);
		assertThat(result.line("problem")).isEqualTo("Key directory " + volume
				+ " has mode rwxrwxrwx on a file system mounted read-write, which lets others access it or its group "
				+ "change it");
	}

	@Test
	void kubernetesSecretVolumeWithAKeyOfAnotherUserIsRefused() throws IOException {
		assumeMountNamespaces();
		Path layout = secretVolume(randomKey(), 1234);
		ForkedJvm.Result result = ForkedJvm.run(kubernetesPod(layout, true));
		Path real = this.temp.resolve("volume").resolve(dataDirectoryName(layout)).resolve(NAME + ".key");
		assertThat(result.exitStatus()).as(result.errors()).isEqualTo(2);
		assertThat(result.line("problem")).isEqualTo(
				"Key file " + real + " is owned by uid 1234, neither root nor uid 65534 that runs the application");
	}

	/**
	 * Lay out a Kubernetes Secret volume as the kubelet writes it, with a Secret of one
	 * key, 'defaultMode: 0440' and 'fsGroup: 2000'.
	 */
	private Path secretVolume(byte[] key, int owner) throws IOException {
		Path layout = Files.createDirectory(this.temp.resolve("layout"));
		Path data = Files.createDirectory(layout.resolve("..2026_12_04_16_49_09.1234567890"));
		Path file = Files.write(data.resolve(NAME + ".key"), key);
		Files.setAttribute(file, "unix:uid", owner);
		Files.setAttribute(file, "unix:gid", 2000);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.setAttribute(data, "unix:gid", 2000);
		Files.createSymbolicLink(layout.resolve("..data"), data.getFileName());
		Files.createSymbolicLink(layout.resolve(NAME + ".key"), Path.of("..data", NAME + ".key"));
		return layout;
	}

	private static String dataDirectoryName(Path layout) throws IOException {
		return Files.readSymbolicLink(layout.resolve("..data")).toString();
	}

	/**
	 * Return a command that mounts the volume as the kubelet does (tmpfs of mode 3777,
	 * group 2000) in a mount namespace of its own, then loads the key as user 65534 with
	 * the supplementary group 2000.
	 */
	private List<String> kubernetesPod(Path layout, boolean readOnly) throws IOException {
		Path volume = Files.createDirectory(this.temp.resolve("volume"));
		Files.setPosixFilePermissions(this.temp, PosixFilePermissions.fromString("rwx--x--x"));
		String script = "mount -t tmpfs -o mode=3777,gid=2000 tmpfs \"$1\" && cp -a \"$2\"/..?* \"$2\"/* \"$1\"/ && "
				+ (readOnly ? "mount -o remount,ro \"$1\" && " : "") + "shift 2 && exec \"$@\"";
		List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "--", "sh",
				"-c", script, "sh", volume.toString(), layout.toString(), "setpriv", "--reuid=" + NOBODY,
				"--regid=" + NOBODY, "--groups=2000", "--"));
		command.addAll(ForkedJvm.commandForAnyUser(Files.createDirectory(this.temp.resolve("classpath")), "mounted",
				volume.toString(), NAME));
		return command;
	}

	private static void assumeRoot(String why) {
		assumeTrue(ForkedJvm.isRootOnLinux(), () -> "Needs root on Linux to " + why);
	}

	private static void assumeMountNamespaces() {
		assumeRoot("mount a file system in a mount namespace of its own");
		assumeTrue(
				ForkedJvm.succeeds("unshare", "--mount", "--propagation", "private", "--", "sh", "-c",
						"mount -t tmpfs tmpfs /mnt && setpriv --version"),
				"Needs unshare, mount and setpriv, and the right to mount a tmpfs in a new mount namespace");
	}

	private static byte[] randomKey() {
		byte[] key = new byte[EncryptionKey.LENGTH];
		new SecureRandom().nextBytes(key);
		return key;
	}

	private static List<String> list(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
