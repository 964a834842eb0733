package io.github.secretencryption.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

/**
 * Shows file modes the way operators read them.
 */
public final class FileModes {

	private FileModes() {
	}

	/**
	 * Return the POSIX mode of a file in octal, such as {@code 600}, without following a
	 * symbolic link.
	 * @param path the file
	 * @return the octal mode, or {@code n/a} on a file system without POSIX permissions
	 * @throws IOException if the mode cannot be read
	 */
	public static String octal(Path path) throws IOException {
		if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return "n/a";
		}
		int mode = 0;
		for (PosixFilePermission permission : Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)) {
			mode |= 1 << (8 - permission.ordinal());
		}
		return Integer.toOctalString(mode);
	}

}
