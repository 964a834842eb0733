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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
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
 * A key name may have more than one key. {@code <name>.key} always holds the primary key,
 * which encrypts new values; keys kept for reading lie beside it in
 * {@code <name>.<key id>.key}, where the key id must be the id of the key the file holds;
 * retired keys lie in the {@value #RETIRED} subdirectory, which is never loaded. Every
 * file gets the same checks. The primary key may also be kept under its id, as it is
 * during and after a promotion.
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

	private static final Pattern ID_FILE = Pattern.compile("([a-z0-9][a-z0-9-]{0,63})\\.([0-9a-f]{8})\\.key");

	/**
	 * Name of the subdirectory that holds retired keys, which are never loaded.
	 */
	public static final String RETIRED = "retired";

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
	 * Return the file that keeps a key of a name for reading under its key id.
	 * @param name the key name
	 * @param id the key id
	 * @return the key file, {@code <name>.<key id>.key}
	 */
	public Path fileOf(String name, KeyId id) {
		checkName(name);
		return this.directory.resolve(name + "." + id + ".key");
	}

	/**
	 * Return the file a retired key of a name is moved to.
	 * @param name the key name
	 * @param id the key id
	 * @return the file in the {@value #RETIRED} subdirectory
	 */
	public Path retiredFileOf(String name, KeyId id) {
		checkName(name);
		return this.directory.resolve(RETIRED).resolve(name + "." + id + ".key");
	}

	/**
	 * Return the file that holds the bytes of a key file and whose mode is checked: in
	 * mounted mode the file its symbolic links lead to, as {@code stat -L} shows it,
	 * otherwise the key file itself, which may not be a symbolic link.
	 * @param file a key file of this store
	 * @return the file whose mode, size and last modification describe the key
	 * @throws IOException if a symbolic link cannot be resolved
	 */
	public Path resolve(Path file) throws IOException {
		return (this.source == KeySource.MOUNTED) ? file.toRealPath() : file;
	}

	/**
	 * List the key ids of the files that keep keys of a name for reading, whether or not
	 * one of them is also the primary key. Nothing is read or checked.
	 * @param name the key name
	 * @return the key ids, in ascending order of their hexadecimal form
	 * @throws KeyFileException if the key directory cannot be listed
	 */
	public List<KeyId> listKeyIds(String name) {
		checkName(name);
		List<String> ids = new ArrayList<>();
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.directory)) {
			for (Path entry : entries) {
				Matcher matcher = ID_FILE.matcher(entry.getFileName().toString());
				if (matcher.matches() && matcher.group(1).equals(name)) {
					ids.add(matcher.group(2));
				}
			}
		}
		catch (IOException ex) {
			throw new KeyFileException(name, this.directory,
					"Key directory " + this.directory + " cannot be listed: " + reason(ex),
					"Make the key directory readable by the user that runs the application");
		}
		Collections.sort(ids);
		return ids.stream().map(KeyId::parse).toList();
	}

	/**
	 * Load the keys of the given names, creating missing ones first in files mode, and
	 * return them as a key ring.
	 * @param names the key names, each listed once
	 * @return the key ring, with the names in the given order; each name's primary key
	 * comes from {@code <name>.key} and its keys kept for reading from
	 * {@code <name>.<key id>.key}
	 * @throws KeyFileException if a name is listed twice, if a key cannot be created or
	 * fails a check, if a file's key id does not match its name, or if two names have the
	 * same key or the same key id
	 */
	public KeyRing loadKeyRing(List<String> names) {
		return buildKeyRing(names, this::loadOrCreate);
	}

	/**
	 * Read the keys of the given names as {@link #loadKeyRing(List)} does, but never
	 * create or delete anything, not even in files mode.
	 * @param names the key names, each listed once
	 * @return the key ring
	 * @throws KeyFileException if a name is listed twice, a key file is missing or fails
	 * a check, or if two names have the same key or the same key id
	 */
	public KeyRing readKeyRing(List<String> names) {
		return buildKeyRing(names, this::load);
	}

	private KeyRing buildKeyRing(List<String> names, Function<String, EncryptionKey> primaryLoader) {
		Set<String> seen = new HashSet<>();
		for (String name : names) {
			Path file = fileOf(name);
			if (!seen.add(name)) {
				throw new KeyFileException(name, file, "Key name '" + name + "' is listed twice",
						"List each key name once in secret-encryption.keys");
			}
		}
		List<EncryptionKey> primaries = new ArrayList<>();
		for (String name : names) {
			primaries.add(primaryLoader.apply(name));
		}
		KeyRing.Clash clash = KeyRing.findClash(primaries);
		if (clash != null) {
			throw sameKey(clash);
		}
		List<EncryptionKey> decryptOnly = new ArrayList<>();
		for (EncryptionKey primary : primaries) {
			decryptOnly.addAll(loadKeptKeys(primary));
		}
		List<EncryptionKey> all = new ArrayList<>(primaries);
		all.addAll(decryptOnly);
		clash = KeyRing.findClash(all);
		if (clash != null) {
			throw sameKey(clash);
		}
		return KeyRing.of(primaries, decryptOnly);
	}

	private List<EncryptionKey> loadKeptKeys(EncryptionKey primary) {
		String name = primary.getName();
		List<EncryptionKey> kept = new ArrayList<>();
		for (KeyId id : listKeyIds(name)) {
			Path file = fileOf(name, id);
			EncryptionKey key = load(name, id);
			if (id.equals(primary.getId())) {
				if (!key.hasSameBytesAs(primary)) {
					throw new KeyFileException(name, file,
							"Key files " + fileOf(name) + " and " + file + " have the same key id " + id
									+ " but hold different keys",
							"Restore both files from the backup that matches the database");
				}
				// The primary is also kept under its id while it is being promoted
				continue;
			}
			kept.add(key);
		}
		return kept;
	}

	private KeyFileException sameKey(KeyRing.Clash clash) {
		Path first = fileOf(clash.first());
		String name = clash.second().getName();
		Path second = fileOf(clash.second());
		String problem = clash.sameBytes() ? "Key files " + first + " and " + second + " hold the same key"
				: "Key files " + first + " and " + second + " have the same key id " + clash.first().getId();
		return new KeyFileException(name, second, problem, "Give each key name a key of its own: restore " + second
				+ " from the backup that matches the database, or, if nothing has been encrypted under '" + name
				+ "' yet, replace it with a new key (in files mode, move it away and a new one is created on the "
				+ "next start)");
	}

	private Path fileOf(EncryptionKey key) {
		Path file = key.getFile();
		return (file != null) ? file : fileOf(key.getName());
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
			List<KeyId> kept = listKeyIds(name);
			if (!kept.isEmpty()) {
				throw new KeyFileException(name, file,
						"Key file " + file + " does not exist, but older keys of '" + name + "' do ("
								+ fileOf(name, kept.get(0)).getFileName() + "); a new key is never created then",
						"Restore " + file + " from the backup that matches the database");
			}
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
		return load(name, fileOf(name));
	}

	/**
	 * Load a key of the given name that is kept for reading in
	 * {@code <name>.<key id>.key}, which must exist.
	 * @param name the key name
	 * @param id the key id
	 * @return the key
	 * @throws KeyFileException if the file is missing, fails a check, or holds a key with
	 * another id
	 */
	public EncryptionKey load(String name, KeyId id) {
		Path file = fileOf(name, id);
		EncryptionKey key = load(name, file);
		if (!key.getId().equals(id)) {
			throw new KeyFileException(name, file,
					"Key file " + file + " holds key id " + key.getId() + ", not the key id " + id + " in its name",
					"Restore the key file from a backup; a file kept for reading is named after the id of the "
							+ "key it holds and must never be renamed or edited");
		}
		return key;
	}

	private EncryptionKey load(String name, Path file) {
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
				"Have the platform provide " + file.getFileName() + " (add it to the Kubernetes Secret or Vault "
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
				this.permissions.createParents(this.directory);
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
		if (Files.isSymbolicLink(this.directory)) {
			throw new KeyFileException(name, this.directory,
					"Key directory " + this.directory + " is a symbolic link" + linkTarget(this.directory)
							+ "; a link can be turned to another directory without the key files' checks noticing",
					"Set secret-encryption.key-directory to the directory the link leads to");
		}
		if (!Files.isDirectory(this.directory, LinkOption.NOFOLLOW_LINKS)) {
			throw new KeyFileException(name, this.directory, "Key directory " + this.directory + " is not a directory",
					"Set secret-encryption.key-directory to a directory");
		}
		this.permissions.checkOwnerOnly(name, this.directory, Kind.DIRECTORY);
	}

	private static String linkTarget(Path link) {
		try {
			return " to " + link.toRealPath();
		}
		catch (IOException ex) {
			return " that leads nowhere";
		}
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
			temporary = writeTemporary(name, bytes);
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

	/**
	 * Fill the given array with a new key and write it to a new temporary file that only
	 * its owner may access, forced to disk.
	 */
	private Path writeTemporary(String name, byte[] bytes) throws IOException {
		Path temporary = this.permissions.createTemporaryFile(this.directory, "." + name + ".");
		this.random.nextBytes(bytes);
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		}
		return temporary;
	}

	/**
	 * Create a new key for a name and keep it for reading in {@code <name>.<key id>.key}.
	 * The primary key in {@code <name>.key} stays as it is. The key is written as a
	 * missing key is created: to an owner-only temporary file, forced to disk, then
	 * published with a hard link, so that no process ever sees part of it.
	 * @param name the key name, whose primary key must exist
	 * @return the new key
	 * @throws KeyFileException in mounted mode, if the primary key fails a check, or if
	 * the key cannot be written
	 */
	public EncryptionKey addKey(String name) {
		requireFiles(name, "add a key");
		load(name);
		deleteLeftovers(name);
		Path temporary = null;
		byte[] bytes = new byte[EncryptionKey.LENGTH];
		Path file = this.directory;
		try {
			temporary = writeTemporary(name, bytes);
			KeyId id = KeyId.derive(bytes);
			file = fileOf(name, id);
			Files.createLink(file, temporary);
			syncDirectory();
			logger.info("Added key '" + name + "' with id " + id + " in " + file);
			return load(name, file);
		}
		catch (IOException ex) {
			throw new KeyFileException(name, file, "Key of '" + name + "' cannot be added: " + reason(ex),
					"Make the key directory writable by the user that runs the command");
		}
		finally {
			Arrays.fill(bytes, (byte) 0);
			deleteQuietly(temporary);
		}
	}

	/**
	 * Make a key that is kept for reading the primary key of its name. First the current
	 * primary key is hard-linked to {@code <name>.<key id>.key}, unless that file exists,
	 * then a hard link to the promoted key is renamed onto {@code <name>.key} in one
	 * atomic step. A process that reads {@code <name>.key} and then lists the directory
	 * finds both keys in every order of events. The promoted key's own file is kept too.
	 * @param name the key name
	 * @param id the id of the key to promote, which must be kept in
	 * {@code <name>.<key id>.key}
	 * @return the former primary key
	 * @throws KeyFileException in mounted mode, if a key file is missing or fails a
	 * check, or if the files cannot be linked
	 */
	public EncryptionKey promote(String name, KeyId id) {
		requireFiles(name, "promote a key");
		EncryptionKey primary = load(name);
		Path added = fileOf(name, id);
		load(name, id);
		if (primary.getId().equals(id)) {
			return primary;
		}
		Path kept = fileOf(name, primary.getId());
		Path link = null;
		try {
			if (!Files.exists(kept, LinkOption.NOFOLLOW_LINKS)) {
				Files.createLink(kept, fileOf(name));
				syncDirectory();
			}
			else if (!load(name, kept).hasSameBytesAs(primary)) {
				throw new KeyFileException(name, kept, "Key file " + kept + " does not hold the primary key",
						"Restore the key files from the backup that matches the database");
			}
			link = this.directory.resolve("." + name + "." + Long.toUnsignedString(this.random.nextLong()) + ".tmp");
			Files.createLink(link, added);
			Files.move(link, fileOf(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			link = null;
			syncDirectory();
			logger.info("Promoted key '" + name + "' with id " + id + " to primary; former primary key id "
					+ primary.getId() + " is kept in " + kept);
			return primary;
		}
		catch (IOException ex) {
			throw new KeyFileException(name, fileOf(name),
					"Key " + id + " of '" + name + "' cannot be promoted: " + reason(ex),
					"Make the key directory writable by the user that runs the command, then promote again");
		}
		finally {
			deleteQuietly(link);
		}
	}

	/**
	 * Move a key that is kept for reading into the {@value #RETIRED} subdirectory, which
	 * is never loaded. The subdirectory is created owner-only if it is missing, and must
	 * be owner-only. The key is kept there, not deleted, for the backups that need it.
	 * @param name the key name
	 * @param id the id of the key to retire
	 * @return the file the key now lives in
	 * @throws KeyFileException in mounted mode, if the key is the primary key, if no file
	 * keeps it, or if it cannot be moved
	 */
	public Path retire(String name, KeyId id) {
		requireFiles(name, "retire a key");
		EncryptionKey primary = load(name);
		Path file = fileOf(name, id);
		if (primary.getId().equals(id)) {
			throw new KeyFileException(name, fileOf(name),
					"Key " + id + " is the primary key of '" + name + "' and cannot be retired",
					"Rotate first: rotate-key " + name + ", wait, rotate-key " + name + " --promote, then reencrypt");
		}
		Path target = retiredFileOf(name, id);
		if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
			String problem = Files.exists(target, LinkOption.NOFOLLOW_LINKS)
					? "Key " + id + " of '" + name + "' is retired already, in " + target
					: "Key " + id + " of '" + name + "' is unknown: " + file + " does not exist";
			throw new KeyFileException(name, file, problem,
					"List the key ids of '" + name + "' with key-status or the secretencryption endpoint");
		}
		load(name, file);
		Path retired = target.getParent();
		try {
			if (!Files.exists(retired, LinkOption.NOFOLLOW_LINKS)) {
				createOwnerOnly(retired);
			}
			this.permissions.checkOwnerOnly(name, retired, Kind.DIRECTORY);
			Files.createLink(target, file);
			Files.delete(file);
			syncDirectory();
			logger.info("Retired key '" + name + "' with id " + id + " to " + target);
			return target;
		}
		catch (IOException ex) {
			throw new KeyFileException(name, file, "Key " + id + " of '" + name + "' cannot be retired: " + reason(ex),
					"Make the key directory and " + retired
							+ " writable by the user that runs the command, then retire again");
		}
	}

	private void createOwnerOnly(Path directory) throws IOException {
		try {
			this.permissions.createDirectory(directory);
		}
		catch (FileAlreadyExistsException ex) {
			logger.debug("Directory " + directory + " was created by another process");
		}
	}

	private void requireFiles(String name, String what) {
		if (this.source == KeySource.MOUNTED) {
			throw new KeyFileException(name, this.directory,
					"Cannot " + what + " with secret-encryption.key-source=mounted: the platform owns "
							+ this.directory,
					"Change the keys where the platform keeps them (the Kubernetes Secret or Vault path mounted at "
							+ this.directory + "); see the key management guide");
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
