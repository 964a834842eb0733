package io.github.secretencryption.keys;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KeyFileStore} with real processes: several JVMs creating the same key
 * at once, and a JVM killed while it creates keys.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KeyFileStoreProcessTests {

	private static final String NAME = "secret-encryption";

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

	private static List<String> list(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
