package io.github.secretencryption.keys;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Who may access key files and directories, on the file system of one key directory:
 * POSIX modes and numeric owners where the file system has them, access control lists
 * where it has those instead (Windows), and no checks where it has neither.
 */
final class KeyFilePermissions {

	private static final Log logger = LogFactory.getLog(KeyFilePermissions.class);

	private static final int ROOT = 0;

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> PARENT_DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");

	private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	private static final Set<PosixFilePermission> GROUP_WRITE_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_WRITE,
			PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	// Reading or changing the contents, or changing who may do so
	private static final Set<AclEntryPermission> READ_OR_WRITE = EnumSet.of(AclEntryPermission.READ_DATA,
			AclEntryPermission.WRITE_DATA, AclEntryPermission.APPEND_DATA, AclEntryPermission.WRITE_ACL,
			AclEntryPermission.WRITE_OWNER);

	private final Model model;

	private final @Nullable Integer processUid;

	private final @Nullable UserPrincipal processUser;

	private KeyFilePermissions(Model model, @Nullable Integer processUid, @Nullable UserPrincipal processUser) {
		this.model = model;
		this.processUid = processUid;
		this.processUser = processUser;
	}

	static KeyFilePermissions of(FileSystem fileSystem) {
		Set<String> views = fileSystem.supportedFileAttributeViews();
		if (views.contains("posix")) {
			boolean numericOwners = fileSystem == FileSystems.getDefault() && views.contains("unix");
			return new KeyFilePermissions(Model.POSIX, numericOwners ? processUid() : null, null);
		}
		if (views.contains("acl")) {
			return new KeyFilePermissions(Model.ACL, null, processUser(fileSystem));
		}
		logger
			.debug("File system " + fileSystem + " has neither POSIX permissions nor ACLs; key files are not checked");
		return new KeyFilePermissions(Model.NONE, null, null);
	}

	private static @Nullable Integer processUid() {
		try {
			// Linux: /proc/self belongs to the effective user of this process
			return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux
		}
		try {
			return (int) new com.sun.security.auth.module.UnixSystem().getUid();
		}
		catch (LinkageError | RuntimeException ex) {
			logger.debug("User id of this process is unknown; owners of key files are not checked");
			return null;
		}
	}

	private static @Nullable UserPrincipal processUser(FileSystem fileSystem) {
		try {
			return fileSystem.getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("User of this process is unknown; owners of key files are not checked");
			return null;
		}
	}

	/**
	 * Create the missing parents of a key directory. On POSIX file systems they may be
	 * read and entered by everyone but written by their owner only, whatever the umask:
	 * whoever may write to a parent may move the key directory away.
	 * @param directory the directory whose parents to create
	 * @throws IOException if one cannot be created
	 */
	void createParents(Path directory) throws IOException {
		Path parent = directory.toAbsolutePath().getParent();
		if (parent == null || Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		createParents(parent);
		try {
			if (this.model == Model.POSIX) {
				Files.createDirectory(parent, PosixFilePermissions.asFileAttribute(PARENT_DIRECTORY));
				Files.setPosixFilePermissions(parent, PARENT_DIRECTORY);
			}
			else {
				Files.createDirectory(parent);
			}
		}
		catch (FileAlreadyExistsException ex) {
			// Created by another process at the same moment
		}
	}

	/**
	 * Create a directory that only its owner may access from the moment it exists.
	 * @param directory the directory
	 * @throws IOException if it cannot be created
	 */
	void createDirectory(Path directory) throws IOException {
		if (this.model == Model.POSIX) {
			Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
			// Set again in case the umask cleared owner bits
			Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
		}
		else {
			Files.createDirectory(directory);
			if (this.model == Model.ACL) {
				// The new directory is still empty
				restrictToOwner(directory, true);
			}
		}
	}

	/**
	 * Create an empty temporary file that only its owner may access, before anything is
	 * written into it.
	 * @param directory the directory to create it in
	 * @param prefix the start of its name
	 * @return the file
	 * @throws IOException if it cannot be created
	 */
	Path createTemporaryFile(Path directory, String prefix) throws IOException {
		if (this.model == Model.POSIX) {
			return Files.createTempFile(directory, prefix, ".tmp",
					PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
		}
		Path file = Files.createTempFile(directory, prefix, ".tmp");
		if (this.model == Model.ACL) {
			restrictToOwner(file, false);
		}
		return file;
	}

	private void restrictToOwner(Path path, boolean directory) throws IOException {
		AclFileAttributeView view = Files.getFileAttributeView(path, AclFileAttributeView.class,
				LinkOption.NOFOLLOW_LINKS);
		AclEntry.Builder entry = AclEntry.newBuilder()
			.setType(AclEntryType.ALLOW)
			.setPrincipal(view.getOwner())
			.setPermissions(EnumSet.allOf(AclEntryPermission.class));
		if (directory) {
			entry.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
		}
		view.setAcl(List.of(entry.build()));
	}

	/**
	 * Check that a key file or directory of an application that owns its keys belongs to
	 * the user that runs the application and that nobody else may access it.
	 * @param name the key name
	 * @param path the file or directory
	 * @param kind whether it is the key file or the key directory
	 * @throws KeyFileException if the check fails
	 */
	void checkOwnerOnly(String name, Path path, Kind kind) {
		try {
			if (this.model == Model.POSIX) {
				checkUid(name, path, kind, false);
				Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
				if (!Collections.disjoint(permissions, GROUP_OR_OTHERS)) {
					throw new KeyFileException(name, path,
							kind.label + " " + path + " has mode " + PosixFilePermissions.toString(permissions)
									+ ", which lets group or others access it",
							"Run 'chmod " + kind.mode + " " + path + "' and check that nobody else has read the key");
				}
			}
			else if (this.model == Model.ACL) {
				checkAcl(name, path, kind);
			}
		}
		catch (IOException ex) {
			throw cannotRead(name, path, kind);
		}
	}

	/**
	 * Check a key file or directory that the platform provides.
	 * @param name the key name
	 * @param path the file or directory, not a symbolic link
	 * @param kind whether it is the key file or a directory
	 * @param readOnlyMount whether it lies on a file system mounted read-only
	 * @throws KeyFileException if the check fails
	 * @see KeySource#MOUNTED
	 */
	void checkMounted(String name, Path path, Kind kind, boolean readOnlyMount) {
		try {
			if (this.model == Model.POSIX) {
				checkUid(name, path, kind, true);
				Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
				if (kind == Kind.FILE && !Collections.disjoint(permissions, GROUP_WRITE_OR_OTHERS)) {
					throw new KeyFileException(name, path,
							kind.label + " " + path + " has mode " + PosixFilePermissions.toString(permissions)
									+ ", which lets others access it or its group change it",
							"Have the platform provide it with mode 0440 or 0400 (in Kubernetes, 'defaultMode: 0440' "
									+ "on the Secret volume) and check that nobody else has read the key");
				}
				if (kind != Kind.FILE && !readOnlyMount && !Collections.disjoint(permissions, GROUP_WRITE_OR_OTHERS)) {
					throw new KeyFileException(name, path, kind.label + " " + path + " has mode "
							+ PosixFilePermissions.toString(permissions)
							+ " on a file system mounted read-write, which lets others access it or its group change it",
							"Mount the keys read-only (Kubernetes mounts Secret volumes read-only), or run 'chmod 750 "
									+ path + "' and check that nobody else has changed the keys");
				}
			}
			else if (this.model == Model.ACL) {
				checkAcl(name, path, kind);
			}
		}
		catch (IOException ex) {
			throw cannotRead(name, path, kind);
		}
	}

	private void checkUid(String name, Path path, Kind kind, boolean rootAllowed) throws IOException {
		Integer expected = this.processUid;
		if (expected == null) {
			return;
		}
		int owner = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
		if (owner == expected || (rootAllowed && owner == ROOT)) {
			return;
		}
		if (rootAllowed) {
			throw new KeyFileException(name, path,
					kind.label + " " + path + " is owned by uid " + owner + ", neither root nor uid " + expected
							+ " that runs the application",
					"Have the platform provide it owned by root or by uid " + expected
							+ " and check that nobody else has read or changed the key");
		}
		throw new KeyFileException(name, path,
				kind.label + " " + path + " is owned by uid " + owner + ", not by uid " + expected
						+ " that runs the application",
				"Run the application as the user that owns the keys, or run 'chown " + expected + " " + path
						+ "' and check that nobody else has read or changed the key");
	}

	private void checkAcl(String name, Path path, Kind kind) throws IOException {
		AclFileAttributeView view = Files.getFileAttributeView(path, AclFileAttributeView.class,
				LinkOption.NOFOLLOW_LINKS);
		UserPrincipal owner = view.getOwner();
		if (this.processUser != null && !this.processUser.equals(owner)) {
			throw new KeyFileException(name, path,
					kind.label + " " + path + " is owned by " + owner.getName() + ", not by "
							+ this.processUser.getName() + " that runs the application",
					"Run the application as the user that owns the keys, or run 'icacls \"" + path + "\" /setowner \""
							+ this.processUser.getName()
							+ "\"' and check that nobody else has read or changed the key");
		}
		for (AclEntry entry : view.getAcl()) {
			if (entry.type() == AclEntryType.ALLOW && !entry.principal().equals(owner)
					&& !Collections.disjoint(entry.permissions(), READ_OR_WRITE)) {
				throw new KeyFileException(name, path,
						kind.label + " " + path + " has an access control entry that lets "
								+ entry.principal().getName() + " read or change it",
						"Leave only the owner's entry, for example with 'icacls \"" + path
								+ "\" /inheritance:r /remove \"" + entry.principal().getName()
								+ "\"', and check that nobody else has read the key");
			}
		}
	}

	private static KeyFileException cannotRead(String name, Path path, Kind kind) {
		String label = kind.label.toLowerCase(Locale.ROOT);
		return new KeyFileException(name, path, "Permissions of " + label + " " + path + " cannot be read",
				"Make the " + label + " accessible to the user that runs the application");
	}

	private enum Model {

		POSIX, ACL, NONE

	}

	/**
	 * What a checked path is, which names it in messages: the key file, the key
	 * directory, or a directory between the key directory and the file that a key's
	 * symbolic link leads to.
	 */
	enum Kind {

		FILE("Key file", "600"), DIRECTORY("Key directory", "700"), SUBDIRECTORY("Directory", "750");

		private final String label;

		private final String mode;

		Kind(String label, String mode) {
			this.label = label;
			this.mode = mode;
		}

	}

}
