package io.github.secretencryption.keys;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.LogFactory;

import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.NonTransientDataAccessException;

/**
 * Starts {@link KeyFileStoreMain} in JVMs of their own, with the few classes it needs.
 */
final class ForkedJvm {

	private static final List<Class<?>> NEEDED = List.of(KeyFileStore.class, KeyFileStoreMain.class,
			NonTransientDataAccessException.class, NestedRuntimeException.class, LogFactory.class);

	private ForkedJvm() {
	}

	/**
	 * Return the command that runs {@link KeyFileStoreMain}.
	 * @param arguments the arguments of the main class
	 * @return the command
	 */
	static List<String> command(String... arguments) {
		return command(locations(), arguments);
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

}
