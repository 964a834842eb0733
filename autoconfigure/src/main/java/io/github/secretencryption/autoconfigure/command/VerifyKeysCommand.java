package io.github.secretencryption.autoconfigure.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.github.secretencryption.autoconfigure.SecretEncryptionProperties;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.internal.FileModes;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyFileException;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyId;
import io.github.secretencryption.keys.KeyRing;

/**
 * {@code verify-keys}: checks every configured key file, and every key kept for reading
 * beside it ({@code <name>.<key id>.key}), with the checks the application applies to its
 * configured {@code secret-encryption.key-source}, without creating any, and prints one
 * line per file, {@code [OK] <path> mode=600 size=32} or {@code [FAIL] <path> <reason>}.
 * In mounted mode the mode is the one of the file a symbolic link leads to. A problem of
 * the key directory is printed once. When every file passes, the keys are checked across
 * names as the application checks them when it loads them: no two names may hold the same
 * key or keys of the same id. Exits with 1 if any check fails. Retired keys are not
 * checked.
 *
 * @since 0.1.0
 */
public final class VerifyKeysCommand implements SecretEncryptionCommand {

	private static final byte[] SAMPLE = "verify-keys sample".getBytes(StandardCharsets.US_ASCII);

	@Override
	public String name() {
		return "verify-keys";
	}

	@Override
	public String description() {
		return "Check every key file as the application loads it (exists, 32 bytes, permissions, encrypts and "
				+ "decrypts, a key of its own per name); never creates a key";
	}

	@Override
	public String usage() {
		return "verify-keys";
	}

	@Override
	public int run(CommandContext context) {
		SecretEncryptionProperties properties = context.getProperties();
		Report report = new Report(context.getOut());
		Path directory = properties.getKeyDirectory();
		if (directory == null) {
			report.fail("secret-encryption.key-directory is not set; set it to the directory of the key files");
			return 1;
		}
		KeyFileStore store = new KeyFileStore(directory, properties.getKeySource());
		boolean ok = true;
		Set<String> seen = new HashSet<>();
		for (String name : properties.getKeys()) {
			if (!seen.add(name)) {
				report.fail(directory.resolve(name + ".key") + " is named twice: secret-encryption.keys lists '" + name
						+ "' twice; list each key name once");
				ok = false;
				continue;
			}
			ok &= verify(store, name, report);
		}
		if (ok) {
			ok = verifyAcrossNames(store, properties.getKeys(), report);
		}
		return ok ? 0 : 1;
	}

	private boolean verify(KeyFileStore store, String name, Report report) {
		Path file;
		try {
			file = store.fileOf(name);
		}
		catch (IllegalArgumentException ex) {
			report.fail(name + " " + ex.getMessage());
			return false;
		}
		boolean ok = verify(store, name, file, () -> store.load(name), report);
		List<KeyId> kept;
		try {
			kept = store.listKeyIds(name);
		}
		catch (KeyFileException ex) {
			report.fail(ex);
			return false;
		}
		for (KeyId id : kept) {
			ok &= verify(store, name, store.fileOf(name, id), () -> store.load(name, id), report);
		}
		return ok;
	}

	private boolean verify(KeyFileStore store, String name, Path file, Supplier<EncryptionKey> loader, Report report) {
		try {
			EncryptionKey key = loader.get();
			AesGcmEncryptor encryptor = new AesGcmEncryptor(KeyRing.of(List.of(key)));
			byte[] decrypted = encryptor.decrypt(name, encryptor.encrypt(name, SAMPLE, SAMPLE), SAMPLE);
			if (!Arrays.equals(decrypted, SAMPLE)) {
				report.fail(file + " does not decrypt what it encrypts");
				return false;
			}
			report.ok(file + " mode=" + FileModes.octal(store.resolve(file)) + " size=" + Files.size(file));
			return true;
		}
		catch (KeyFileException ex) {
			report.fail(ex);
			return false;
		}
		catch (IOException ex) {
			report.fail(file + " cannot be read: " + ex.getClass().getSimpleName());
			return false;
		}
	}

	/**
	 * Check the keys across names as loading them does, once every file has passed.
	 */
	private boolean verifyAcrossNames(KeyFileStore store, List<String> names, Report report) {
		try {
			store.readKeyRing(names);
			return true;
		}
		catch (KeyFileException ex) {
			report.fail(ex);
			return false;
		}
	}

	private static String reason(KeyFileException ex) {
		String problem = ex.getProblem();
		for (String label : new String[] { "Key file ", "Key directory ", "Directory " }) {
			String prefix = label + ex.getPath() + " ";
			if (problem.startsWith(prefix)) {
				problem = problem.substring(prefix.length());
			}
		}
		// "Key files <first> and <path> hold ..." reads "<path> and <first> hold ..."
		// after
		// the path that starts the line
		String pair = " and " + ex.getPath() + " ";
		if (problem.startsWith("Key files ") && problem.contains(pair)) {
			String first = problem.substring("Key files ".length(), problem.indexOf(pair));
			problem = "and " + first + " " + problem.substring(problem.indexOf(pair) + pair.length());
		}
		String action = ex.getAction();
		return problem + "; " + Character.toLowerCase(action.charAt(0)) + action.substring(1);
	}

	/**
	 * Prints the result lines, each failure once: a problem of the key directory, or of a
	 * directory its links lead through, fails every key below it in the same words.
	 */
	private static final class Report {

		private final PrintStream out;

		private final Set<String> failures = new HashSet<>();

		Report(PrintStream out) {
			this.out = out;
		}

		void ok(String line) {
			this.out.println("[OK] " + line);
		}

		void fail(KeyFileException ex) {
			fail(ex.getPath() + " " + reason(ex));
		}

		void fail(String line) {
			if (this.failures.add(line)) {
				this.out.println("[FAIL] " + line);
			}
		}

	}

}
