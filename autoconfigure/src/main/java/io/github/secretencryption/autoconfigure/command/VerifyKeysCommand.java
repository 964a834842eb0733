package io.github.secretencryption.autoconfigure.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * beside it ({@code <name>.<key id>.key}), without creating any, and prints one line per
 * file, {@code [OK] <path> mode=600 size=32} or {@code [FAIL] <path> <reason>}. Exits
 * with 1 if any key fails. Retired keys are not checked.
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
		return "Check every key file (exists, 32 bytes, owner-only, encrypts and decrypts); never creates a key";
	}

	@Override
	public String usage() {
		return "verify-keys";
	}

	@Override
	public int run(CommandContext context) {
		SecretEncryptionProperties properties = context.getProperties();
		PrintStream out = context.getOut();
		Path directory = properties.getKeyDirectory();
		if (directory == null) {
			out.println("[FAIL] secret-encryption.key-directory is not set; set it to the directory of the key files");
			return 1;
		}
		KeyFileStore store = new KeyFileStore(directory);
		boolean ok = true;
		Set<String> seen = new HashSet<>();
		for (String name : properties.getKeys()) {
			if (!seen.add(name)) {
				out.println("[FAIL] " + name + " is listed twice in secret-encryption.keys; list each key name once");
				ok = false;
				continue;
			}
			ok &= verify(store, name, out);
		}
		return ok ? 0 : 1;
	}

	private boolean verify(KeyFileStore store, String name, PrintStream out) {
		Path file;
		try {
			file = store.fileOf(name);
		}
		catch (IllegalArgumentException ex) {
			out.println("[FAIL] " + name + " " + ex.getMessage());
			return false;
		}
		boolean ok = verify(name, file, () -> store.load(name), out);
		List<KeyId> kept;
		try {
			kept = store.listKeyIds(name);
		}
		catch (KeyFileException ex) {
			out.println("[FAIL] " + ex.getPath() + " " + reason(ex));
			return false;
		}
		for (KeyId id : kept) {
			ok &= verify(name, store.fileOf(name, id), () -> store.load(name, id), out);
		}
		return ok;
	}

	private boolean verify(String name, Path file, Supplier<EncryptionKey> loader, PrintStream out) {
		try {
			EncryptionKey key = loader.get();
			AesGcmEncryptor encryptor = new AesGcmEncryptor(KeyRing.of(List.of(key)));
			byte[] decrypted = encryptor.decrypt(name, encryptor.encrypt(name, SAMPLE, SAMPLE), SAMPLE);
			if (!java.util.Arrays.equals(decrypted, SAMPLE)) {
				out.println("[FAIL] " + file + " does not decrypt what it encrypts");
				return false;
			}
			out.println("[OK] " + file + " mode=" + FileModes.octal(file) + " size=" + Files.size(file));
			return true;
		}
		catch (KeyFileException ex) {
			out.println("[FAIL] " + ex.getPath() + " " + reason(ex));
			return false;
		}
		catch (IOException ex) {
			out.println("[FAIL] " + file + " cannot be read: " + ex.getClass().getSimpleName());
			return false;
		}
	}

	private static String reason(KeyFileException ex) {
		String problem = ex.getProblem();
		for (String prefix : new String[] { "Key file " + ex.getPath() + " ", "Key directory " + ex.getPath() + " " }) {
			if (problem.startsWith(prefix)) {
				problem = problem.substring(prefix.length());
			}
		}
		String action = ex.getAction();
		return problem + "; " + Character.toLowerCase(action.charAt(0)) + action.substring(1);
	}

}
