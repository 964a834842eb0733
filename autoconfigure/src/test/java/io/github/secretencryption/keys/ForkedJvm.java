package io.github.secretencryption.keys;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.logging.LogFactory;

import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.NonTransientDataAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts {@link KeyFileStoreMain} in JVMs of their own, with the few classes it needs,
 * optionally behind a command that changes the user or the mounts first.
 */
final class ForkedJvm {

	private static final List<Class<?>> NEEDED = List.of(KeyFileStore.class, KeyFileStoreMain.class,
			NonTransientDataAccessException.class, NestedRuntimeException.class, LogFactory.class);

	private ForkedJvm() {
	}

	/**
	 * Return the command that runs {@link KeyFileStoreMain} on the test classes as they
	 * are.
	 * @param arguments the arguments of the main class
	 * @return the command
	 */
	static List<String> command(String... arguments) {
		return command(locations(), arguments);
	}

	/**
	 * Return the command that runs {@link KeyFileStoreMain} on copies of the classes it
	 * needs, which any user may read.
	 * @param copies an empty directory to copy them to, which others may enter
	 * @param arguments the arguments of the main class
	 * @return the command
	 */
	static List<String> commandForAnyUser(Path copies, String... arguments) throws IOException {
		List<Path> classpath = new ArrayList<>();
		int index = 0;
		for (Path location : locations()) {
			Path copy = copies.resolve((index++) + "-" + location.getFileName());
			copyReadableByAll(location, copy);
			classpath.add(copy);
		}
		Files.setPosixFilePermissions(copies, PosixFilePermissions.fromString("rwxr-xr-x"));
		return command(classpath, arguments);
	}

	private static List<String> command(List<Path> classpath, String... arguments) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
						"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-cp",
						classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
						KeyFileStoreMain.class.getName()));
		command.addAll(List.of(arguments));
		return command;
	}

	private static List<Path> locations() {
		Set<Path> locations = new LinkedHashSet<>();
		for (Class<?> type : NEEDED) {
			try {
				locations.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
			}
			catch (URISyntaxException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return new ArrayList<>(locations);
	}

	private static void copyReadableByAll(Path source, Path target) throws IOException {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				Path copy = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(copy);
					Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
				}
				else {
					Files.copy(path, copy);
					Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
				}
			}
		}
	}

	/**
	 * Run a command to its end.
	 * @param command the command
	 * @return its exit status and output
	 */
	static Result run(List<String> command) {
		try {
			Path errors = Files.createTempFile("forked-jvm", ".err");
			try {
				Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
				process.getOutputStream().close();
				String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("process ended").isTrue();
				return new Result(process.exitValue(), output, Files.readString(errors));
			}
			finally {
				Files.delete(errors);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether a command can be run and ends successfully.
	 * @param command the command
	 * @return {@code true} if it exits with status 0
	 */
	static boolean succeeds(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Whether this process runs as root on Linux, where it may give files to other users,
	 * run commands as another user and mount file systems in a namespace of its own.
	 * @return {@code true} if it runs as root on Linux
	 */
	static boolean isRootOnLinux() {
		try {
			return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Exit status and output of a finished process.
	 *
	 * @param exitStatus the exit status
	 * @param output what it wrote to standard output
	 * @param errors what it wrote to standard error
	 */
	record Result(int exitStatus, String output, String errors) {

		String line(String prefix) {
			return this.output.lines()
				.filter((line) -> line.startsWith(prefix + " "))
				.map((line) -> line.substring(prefix.length() + 1))
				.findFirst()
				.orElseThrow(() -> new AssertionError(
						"No '" + prefix + "' line in output:\n" + this.output + "\nstandard error:\n" + this.errors));
		}

	}

}
