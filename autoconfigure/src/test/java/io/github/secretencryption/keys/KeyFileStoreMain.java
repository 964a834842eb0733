package io.github.secretencryption.keys;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Runs a {@link KeyFileStore} in a JVM of its own, for tests that need several processes,
 * a process killed half-way or another user. Arguments: a command, the key directory and
 * the key name. Results go to standard output as {@code key-id <id>}, or as
 * {@code problem <problem>} and {@code action <action>} with exit status 2; log output
 * goes to standard error.
 * <ul>
 * <li>{@code race}: print {@code ready}, wait for a line on standard input, then load or
 * create the key, so that several processes can be started at the same moment.</li>
 * <li>{@code loop}: create the key in {@code <directory>/round-<n>} for n = 0, 1, 2, …
 * until killed.</li>
 * <li>{@code files}: load or create the key.</li>
 * <li>{@code mounted}: load the key that the platform provides.</li>
 * </ul>
 */
public final class KeyFileStoreMain {

	private KeyFileStoreMain() {
	}

	public static void main(String[] args) throws IOException {
		String command = args[0];
		Path directory = Path.of(args[1]);
		String name = args[2];
		switch (command) {
			case "race" -> {
				System.out.println("ready");
				System.out.flush();
				if (System.in.read() < 0) {
					System.exit(3);
				}
				print(() -> new KeyFileStore(directory).loadOrCreate(name));
			}
			case "loop" -> {
				for (int round = 0;; round++) {
					new KeyFileStore(directory.resolve("round-" + round)).loadOrCreate(name);
				}
			}
			case "files" -> print(() -> new KeyFileStore(directory).loadOrCreate(name));
			case "mounted" -> print(() -> new KeyFileStore(directory, KeySource.MOUNTED).loadOrCreate(name));
			default -> throw new IllegalArgumentException("Unknown command '" + command + "'");
		}
	}

	private static void print(Supplier<EncryptionKey> key) {
		try {
			System.out.println("key-id " + key.get().getId());
		}
		catch (KeyFileException ex) {
			System.out.println("problem " + ex.getProblem());
			System.out.println("action " + ex.getAction());
			System.exit(2);
		}
	}

}
