package io.github.secretencryption.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.secretencryption.keys.KeyFilePermissions.Kind;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Loads keys from one directory, and in {@link KeySource#FILES files} mode creates the
 * missing ones: key {@code name} lives in {@code <directory>/<name>.key} as exactly 32
 * raw bytes.
 * <p>
 * In files mode a missing directory is created so that only its owner may access it (mode
 * 0700, or an access control list with one entry for the owner where the file system has
 * no POSIX permissions). A missing key is made of 32 bytes from the operating system's
 * random number generator, written to a temporary file {@code .<name>.<digits>.tmp} in
 * the same directory that only its owner may access before anything is written to it,
 * forced to disk, and published under its final name with a hard link, which fails if
 * another process published a key first; that key is then loaded instead. No process ever
 * sees a partial key. Temporary files left by a process that was killed while creating a
 * key are never loaded, and are deleted once they are a minute old, so that the file of a
 * process that is creating a key at the same time is never taken away from it. The
 * directory and every key file must belong to the user that runs the application, and
 * nobody else may access them.
 * <p>
 * In {@link KeySource#MOUNTED mounted} mode the platform provides the keys and the store
 * never creates, writes or deletes anything; see {@link KeySource#MOUNTED} for its
 * checks.
 *
 * @since 0.1.0
 */
public final class KeyFileStore {

	private static final Log logger = LogFactory.getLog(KeyFileStore.class);

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private static final Duration LEFTOVER_AGE = Duration.ofMinutes(1);

	private final Path directory;

	private final KeySource source;

	private final SecureRandom random;

	private final KeyFilePermissions permissions;

	/**
	 * Create a store that creates missing keys in the given directory.
	 * @param directory the key directory
	 */
	public KeyFileStore(Path directory) {
		this(directory, KeySource.FILES);
	}

	/**
	 * Create a store for the given directory and source of keys.
	 * @param directory the key directory
	 * @param source whether the store creates missing keys or the platform provides them
	 */
	public KeyFileStore(Path directory, KeySource source) {
		this(directory, source, new SecureRandom());
	}

	KeyFileStore(Path directory, SecureRandom random) {
		this(directory, KeySource.FILES, random);
	}

	private KeyFileStore(Path directory, KeySource source, SecureRandom random) {
		this.directory = directory.toAbsolutePath().normalize();
		this.source = source;
		this.random = random;
		this.permissions = KeyFilePermissions.of(this.directory.getFileSystem());
	}

	/**
	 * Return the key directory.
	 * @return the absolute directory
	 */
	public Path getDirectory() {
		return this.directory;
	}

	/**
	 * Return where the keys come from.
	 * @return the source of keys
	 */
	public KeySource getSource() {
		return this.source;
	}

	/**
	 * Return the file of a key name.
	 * @param name the key name
	 * @return the key file
	 */
	public Path fileOf(String name) {
		checkName(name);
		return this.directory.resolve(name + ".key");
	}

	/**
	 * Load the keys of the given names, creating missing ones first in files mode, and
	 * return them as a key ring.
	 * @param names the key names, each listed once
	 * @return the key ring, with the names in the given order
	 * @throws KeyFileException if a name is listed twice, if a key cannot be created or
	 * fails a check, or if two names have the same key or the same key id
	 */
	public KeyRing loadKeyRing(List<String> names) {
		Set<String> seen = new HashSet<>();
		for (String name : names) {
			Path file = fileOf(name);
			if (!seen.add(name)) {
				throw new KeyFileException(name, file, "Key name '" + name + "' is listed twice",
						"List each key name once in secret-encryption.keys");
			}
		}
		List<EncryptionKey> keys = new ArrayList<>();
		for (String name : names) {
			keys.add(loadOrCreate(name));
		}
		KeyRing.Clash clash = KeyRing.findClash(keys);
		if (clash != null) {
			throw sameKey(clash);
		}
		return KeyRing.of(keys);
	}

	private KeyFileException sameKey(KeyRing.Clash clash) {
		Path first = fileOf(clash.first().getName());
		String name = clash.second().getName();
		Path second = fileOf(name);
		String problem = clash.sameBytes() ? "Key files " + first + " and " + second + " hold the same key"
				: "Key files " + first + " and " + second + " have the same key id " + clash.first().getId();
		return new KeyFileException(name, second, problem, "Give each key name a key of its own: restore " + second
				+ " from the backup that matches the database, or, if nothing has been encrypted under '" + name
				+ "' yet, replace it with a new key (in files mode, move it away and a new one is created on the "
				+ "next start)");
	}

	/**
	 * Load the key of the given name, creating it first if its file does not exist. In
	 * mounted mode nothing is created, and this is the same as {@link #load(String)}.
	 * @param name the key name
	 * @return the key
	 * @throws KeyFileException if the key cannot be created or fails a check
	 */
	public EncryptionKey loadOrCreate(String name) {
		Path file = fileOf(name);
		if (this.source == KeySource.MOUNTED) {
			return loadMounted(name, file);
		}
		prepareDirectory(name);
		deleteLeftovers(name);
		if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
			create(name, file);
		}
		return load(name);
	}

	/**
	 * Load the key of the given name, which must exist.
	 * @param name the key name
	 * @return the key
	 * @throws KeyFileException if the key is missing or fails a check
	 */
	public EncryptionKey load(String name) {
		Path file = fileOf(name);
		if (this.source == KeySource.MOUNTED) {
			return loadMounted(name, file);
		}
		checkDirectory(name);
		if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
			throw new KeyFileException(name, file, "Key file " + file + " does not exist",
					"Restore the key file from a backup");
		}
		if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			throw new KeyFileException(name, file, "Key file " + file + " is not a regular file",
					"Replace it with the regular key file from a backup");
		}
		this.permissions.checkOwnerOnly(name, file, Kind.FILE);
		return read(name, file, file);
	}

	private EncryptionKey loadMounted(String name, Path file) {
		Path realDirectory = checkMountedDirectory(name);
		boolean readOnly = isReadOnly(name, realDirectory);
		this.permissions.checkMounted(name, this.directory, Kind.DIRECTORY, readOnly);
		if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
			throw notProvided(name, file, "Key file " + file + " does not exist");
		}
		Path real;
		try {
			real = file.toRealPath();
		}
		catch (NoSuchFileException ex) {
			throw notProvided(name, file, "Key file " + file + " is a symbolic link to a file that does not exist");
		}
		catch (IOException ex) {
			throw new KeyFileException(name, file, "Key file " + file + " cannot be resolved: " + reason(ex),
					"Make the key file readable by the user that runs the application");
		}
		if (!real.startsWith(realDirectory)) {
			throw new KeyFileException(name, file,
					"Key file " + file + " resolves to " + real + ", outside the key directory " + this.directory,
					"Have the platform provide the key inside " + this.directory
							+ "; a symbolic link may only lead to a file inside the key directory");
		}
		if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
			throw new KeyFileException(name, file, "Key file " + file + " is not a regular file",
					"Have the platform provide the key as a file of " + EncryptionKey.LENGTH + " bytes");
		}
		for (Path parent = real.getParent(); parent != null
				&& !parent.equals(realDirectory); parent = parent.getParent()) {
			this.permissions.checkMounted(name, parent, Kind.SUBDIRECTORY, readOnly);
		}
		this.permissions.checkMounted(name, real, Kind.FILE, readOnly);
		if (!real.equals(file)) {
			logger.debug("Key file " + file + " resolves to " + real);
		}
		return read(name, file, real);
	}

	private Path checkMountedDirectory(String name) {
		if (!Files.exists(this.directory, LinkOption.NOFOLLOW_LINKS)) {
			throw new KeyFileException(name, this.directory, "Key directory " + this.directory + " does not exist",
					"Mount the keys at " + this.directory + " (a Kubernetes Secret volume, a Vault agent's output "
							+ "directory), or set secret-encryption.key-directory to where they are mounted");
		}
		if (!Files.isDirectory(this.directory, LinkOption.NOFOLLOW_LINKS)) {
			throw new KeyFileException(name, this.directory, "Key directory " + this.directory + " is not a directory",
					"Set secret-encryption.key-directory to the directory where the keys are mounted");
		}
		try {
			return this.directory.toRealPath();
		}
		catch (IOException ex) {
			throw new KeyFileException(name, this.directory,
					"Key directory " + this.directory + " cannot be resolved: " + reason(ex),
					"Make the key directory accessible to the user that runs the application");
		}
	}

	private boolean isReadOnly(String name, Path realDirectory) {
		try {
			return Files.getFileStore(realDirectory).isReadOnly();
		}
		catch (IOException ex) {
			throw new KeyFileException(name, this.directory,
					"File system of key directory " + this.directory + " cannot be read: " + reason(ex),
					"Make the key directory accessible to the user that runs the application");
		}
	}

	private KeyFileException notProvided(String name, Path file, String problem) {
		return new KeyFileException(name, file,
				problem + "; with secret-encryption.key-source=mounted keys are never created",
				"Have the platform provide it (add key '" + name + "' to the Kubernetes Secret or Vault "
						+ "agent template mounted at " + this.directory
						+ "), or set secret-encryption.key-source=files to let the application create its keys");
	}

	private EncryptionKey read(String name, Path file, Path real) {
		byte[] bytes = null;
		try {
			long size = Files.size(real);
			if (size != EncryptionKey.LENGTH) {
				throw wrongLength(name, file, size);
			}
			try (InputStream input = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
				bytes = input.readNBytes(EncryptionKey.LENGTH + 1);
			}
			if (bytes.length != EncryptionKey.LENGTH) {
				throw wrongLength(name, file, bytes.length);
			}
			return new EncryptionKey(name, bytes, file);
		}
		catch (IOException ex) {
			throw new KeyFileException(name, file, "Key file " + file + " cannot be read",
					"Make the key file readable by the user that runs the application");
		}
		finally {
			if (bytes != null) {
				Arrays.fill(bytes, (byte) 0);
			}
		}
	}

	private static KeyFileException wrongLength(String name, Path file, long length) {
		return new KeyFileException(name, file,
				"Key file " + file + " holds " + length + " bytes instead of " + EncryptionKey.LENGTH,
				"Restore the key file from a backup; a key file holds exactly " + EncryptionKey.LENGTH
						+ " raw bytes and must never be edited");
	}

	private void prepareDirectory(String name) {
		if (!Files.exists(this.directory, LinkOption.NOFOLLOW_LINKS)) {
			try {
				Path parent = this.directory.getParent();
				if (parent != null) {
					Files.createDirectories(parent);
				}
				if (createOwnerOnlyDirectory()) {
					logger.info("Created key directory " + this.directory);
				}
			}
			catch (IOException ex) {
				throw new KeyFileException(name, this.directory,
						"Key directory " + this.directory + " cannot be created: " + reason(ex),
						"Create the directory with mode 700, owned by the user that runs the application, or set "
								+ "secret-encryption.key-directory to a writable location, or set "
								+ "secret-encryption.key-source=mounted if the platform provides the keys");
			}
		}
		checkDirectory(name);
	}

	private boolean createOwnerOnlyDirectory() throws IOException {
		try {
			// Owner-only from the moment it exists, as another thread or process may
			// check it at once
			this.permissions.createDirectory(this.directory);
			return true;
		}
		catch (FileAlreadyExistsException ex) {
			logger.debug("Key directory " + this.directory + " was created by another process");
			return false;
		}
	}

	private void checkDirectory(String name) {
		if (!Files.exists(this.directory, LinkOption.NOFOLLOW_LINKS)) {
			throw new KeyFileException(name, this.directory, "Key directory " + this.directory + " does not exist",
					"Restore the key directory from a backup, or set secret-encryption.key-directory to the "
							+ "directory that holds the keys");
		}
		if (!Files.isDirectory(this.directory, LinkOption.NOFOLLOW_LINKS)) {
			throw new KeyFileException(name, this.directory, "Key directory " + this.directory + " is not a directory",
					"Set secret-encryption.key-directory to a directory");
		}
		this.permissions.checkOwnerOnly(name, this.directory, Kind.DIRECTORY);
	}

	private void deleteLeftovers(String name) {
		Pattern leftover = Pattern.compile("\\." + Pattern.quote(name) + "\\.[0-9]+\\.tmp");
		Instant before = Instant.now().minus(LEFTOVER_AGE);
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.directory,
				(entry) -> leftover.matcher(entry.getFileName().toString()).matches())) {
			for (Path entry : entries) {
				BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class,
						LinkOption.NOFOLLOW_LINKS);
				if (attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isBefore(before)
						&& Files.deleteIfExists(entry)) {
					logger.info("Deleted temporary key file " + entry + " left by an interrupted key creation");
				}
			}
		}
		catch (IOException ex) {
			logger.warn("Temporary key files left in " + this.directory + " by an interrupted key creation could "
					+ "not be deleted (" + reason(ex) + "); delete them by hand");
		}
	}

	private void create(String name, Path file) {
		Path temporary = null;
		byte[] bytes = new byte[EncryptionKey.LENGTH];
		try {
			temporary = this.permissions.createTemporaryFile(this.directory, "." + name + ".");
			this.random.nextBytes(bytes);
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				ByteBuffer buffer = ByteBuffer.wrap(bytes);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			Files.createLink(file, temporary);
			syncDirectory();
			logger.info("Created key '" + name + "' in " + file);
		}
		catch (FileAlreadyExistsException ex) {
			logger.debug("Key '" + name + "' was created by another process; loading it");
		}
		catch (IOException ex) {
			if (ex instanceof NoSuchFileException && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
				// This process stalled for longer than LEFTOVER_AGE, and another one took
				// its temporary file for a leftover before creating the key itself
				logger.debug("Key '" + name + "' was created by another process; loading it");
				return;
			}
			throw new KeyFileException(name, file, "Key file " + file + " cannot be created: " + reason(ex),
					"Mount the key directory read-write for the first start so that the key can be created, or "
							+ "provide the key file (" + EncryptionKey.LENGTH
							+ " random bytes, mode 600, owned by the user that runs the application), or set "
							+ "secret-encryption.key-source=mounted if the platform provides the keys");
		}
		finally {
			Arrays.fill(bytes, (byte) 0);
			deleteQuietly(temporary);
		}
	}

	private void syncDirectory() {
		try (FileChannel channel = FileChannel.open(this.directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			logger.debug("Key directory " + this.directory + " cannot be synced on this platform");
		}
	}

	private void deleteQuietly(@Nullable Path temporary) {
		if (temporary != null) {
			try {
				Files.deleteIfExists(temporary);
			}
			catch (NoSuchFileException ex) {
				// Already gone
			}
			catch (IOException ex) {
				logger.warn("Temporary key file " + temporary + " could not be deleted; delete it by hand");
			}
		}
	}

	private static String reason(IOException ex) {
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (ex instanceof FileSystemException fileSystemException && fileSystemException.getReason() != null) {
			// An operating system message such as "Read-only file system"
			String reason = fileSystemException.getReason();
			return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
		}
		return ex.getClass().getSimpleName();
	}

	private static void checkName(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Key name '" + name
					+ "' is invalid; use 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit");
		}
	}

	@Override
	public String toString() {
		return "KeyFileStore[" + this.directory + ((this.source == KeySource.MOUNTED) ? ", mounted" : "") + "]";
	}

}
