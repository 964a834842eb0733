package io.github.secretencryption.keys;

/**
 * Where the keys of a {@link KeyFileStore} come from, which decides whether the store may
 * write to its directory and which checks its files must pass.
 *
 * @since 0.1.0
 */
public enum KeySource {

	/**
	 * The application owns its key files: a missing directory or key is created, leftover
	 * temporary files of an interrupted creation are removed, and the directory and every
	 * key file must belong to the user that runs the application and be closed to
	 * everyone else.
	 */
	FILES,

	/**
	 * The platform provides the key files, as a Kubernetes Secret volume or a Vault
	 * agent's rendered files do, and nothing is ever created, written or deleted. A key
	 * file may be a symbolic link that resolves inside the key directory. Files and
	 * directories may belong to root or to the user that runs the application; a key file
	 * may be readable by its group but not writable by it, and closed to others.
	 * Directories on a file system mounted read-write must not be open to others nor
	 * writable by their group; on a read-only mount their mode does not matter, as nobody
	 * can change their entries.
	 */
	MOUNTED

}
