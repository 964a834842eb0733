package io.github.secretencryption.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What tests compare to prove that nothing wrote into a directory: every path below it,
 * with its last modification time and permissions, links not followed.
 */
public final class DirectorySnapshot {

	private DirectorySnapshot() {
	}

	/**
	 * Take a snapshot of a directory.
	 * @param directory the directory
	 * @return the modification time and permissions of each relative path, sorted
	 * @throws IOException if the directory cannot be read
	 */
	public static Map<String, String> of(Path directory) throws IOException {
		Map<String, String> snapshot = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.toList()) {
				snapshot.put(directory.relativize(path).toString(),
						Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS) + " " + PosixFilePermissions
							.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)));
			}
		}
		return snapshot;
	}

}
