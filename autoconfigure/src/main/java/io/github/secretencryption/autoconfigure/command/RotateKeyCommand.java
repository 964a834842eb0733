package io.github.secretencryption.autoconfigure.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.secretencryption.autoconfigure.EncryptedConfigValues;
import io.github.secretencryption.autoconfigure.SecretEncryptionProperties;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyFileException;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyId;
import io.github.secretencryption.keys.KeySource;
import org.jspecify.annotations.Nullable;

/**
 * {@code rotate-key <name>}: gives a key name a new primary key in two steps, so that no
 * running process ever meets a value it cannot read.
 * <ol>
 * <li>{@code rotate-key <name>} (or {@code --add}) creates a new key and keeps it for
 * reading only, in {@code <name>.<key id>.key}. Running processes load it at their next
 * reload; nothing is encrypted under it yet.</li>
 * <li>{@code rotate-key <name> --promote} makes that key the primary key in
 * {@code <name>.key} and keeps the former primary key for reading. It is refused until
 * the added key is older than twice {@code secret-encryption.key-reload-interval}, the
 * time after which every running process has loaded it, unless
 * {@code --insecure-skip-wait} says that every process that uses the key directory is
 * stopped. {@code --key-id=<id>} chooses the key when more than one waits.</li>
 * </ol>
 * Runs without the application context, and is refused with
 * {@code secret-encryption.key-source=mounted}, where the platform owns the files.
 *
 * @since 0.1.0
 */
public final class RotateKeyCommand implements SecretEncryptionCommand {

	private static final String PROMOTE = "promote";

	private static final String ADD = "add";

	private static final String KEY_ID = "key-id";

	private static final String SKIP_WAIT = "insecure-skip-wait";

	@Override
	public String name() {
		return "rotate-key";
	}

	@Override
	public String description() {
		return "Give a key name a new primary key: rotate-key <name> adds a key for reading, "
				+ "rotate-key <name> --promote makes it the primary once every process has loaded it";
	}

	@Override
	public String usage() {
		return "rotate-key <name> [--add | --promote [--key-id=<id>] [--insecure-skip-wait]]";
	}

	@Override
	public Set<String> options() {
		return Set.of(ADD, PROMOTE, KEY_ID, SKIP_WAIT);
	}

	@Override
	public Set<String> valueOptions() {
		return Set.of(KEY_ID);
	}

	@Override
	public int minArguments() {
		return 1;
	}

	@Override
	public int maxArguments() {
		return 1;
	}

	@Override
	public int run(CommandContext context) {
		SecretEncryptionProperties properties = context.getProperties();
		PrintStream out = context.getOut();
		List<String> arguments = context.getArguments();
		if (arguments.size() != 1) {
			out.println("[FAIL] Usage: " + usage());
			return 2;
		}
		String name = arguments.get(0);
		if (!properties.getKeys().contains(name)) {
			out.println("[FAIL] No key is named '" + name + "'; configured key names are " + properties.getKeys());
			return 1;
		}
		Path directory = properties.getKeyDirectory();
		if (directory == null) {
			out.println("[FAIL] secret-encryption.key-directory is not set; set it to the directory of the key files");
			return 1;
		}
		if (context.hasOption(ADD) && context.hasOption(PROMOTE)) {
			out.println("[FAIL] Give either --add or --promote, not both; usage: " + usage());
			return 2;
		}
		if (!context.hasOption(PROMOTE) && (context.hasOption(KEY_ID) || context.hasOption(SKIP_WAIT))) {
			out.println("[FAIL] --" + KEY_ID + " and --" + SKIP_WAIT + " go with --" + PROMOTE + " only; usage: "
					+ usage());
			return 2;
		}
		if (properties.getKeySource() == KeySource.MOUNTED) {
			out.println("[FAIL] Keys are mounted (secret-encryption.key-source=mounted), so the platform owns "
					+ directory + "; rotate there: add " + name + ".<key id>.key to the Secret, wait until every "
					+ "process has loaded it, then swap it into " + name
					+ ".key and keep the former key under its id name (see the key management guide)");
			return 1;
		}
		KeyFileStore store = new KeyFileStore(directory);
		try {
			return context.hasOption(PROMOTE) ? promote(context, properties, store, name)
					: add(out, properties, store, name);
		}
		catch (KeyFileException ex) {
			out.println("[FAIL] " + ex.getProblem() + "; " + ex.getAction());
			return 1;
		}
	}

	private int add(PrintStream out, SecretEncryptionProperties properties, KeyFileStore store, String name) {
		EncryptionKey primary = store.load(name);
		List<KeyId> waiting = waiting(store, name, primary);
		if (!waiting.isEmpty()) {
			out.println("[FAIL] Key " + waiting.get(0) + " of '" + name + "' was added already and waits for "
					+ "promotion; promote it with: rotate-key " + name + " --promote");
			return 1;
		}
		EncryptionKey added = store.addKey(name);
		out.println("[OK] Added key " + added.getId() + " of '" + name + "' in " + added.getFile()
				+ " for reading only; primary key " + primary.getId() + " still encrypts new values");
		Duration wait = properties.getKeyReloadInterval().multipliedBy(2);
		if (wait.isZero() || wait.isNegative()) {
			out.println("Next: key reloading is off (secret-encryption.key-reload-interval=0), so restart every "
					+ "process that uses " + store.getDirectory() + ", then run: rotate-key " + name + " --promote --"
					+ SKIP_WAIT);
		}
		else {
			out.println("Next: wait " + seconds(wait) + " (until "
					+ Instant.now().plus(wait).truncatedTo(ChronoUnit.SECONDS)
					+ ") so that every running process loads it, then run: rotate-key " + name + " --promote");
		}
		return 0;
	}

	private int promote(CommandContext context, SecretEncryptionProperties properties, KeyFileStore store,
			String name) {
		PrintStream out = context.getOut();
		EncryptionKey primary = store.load(name);
		KeyId id;
		String chosen = context.getOption(KEY_ID);
		if (chosen != null) {
			id = KeyId.parse(chosen);
		}
		else {
			List<KeyId> waiting = waiting(store, name, primary);
			if (waiting.isEmpty()) {
				out.println("[FAIL] No added key of '" + name + "' waits for promotion; primary key is "
						+ primary.getId() + ". Add one first with: rotate-key " + name);
				return 1;
			}
			if (waiting.size() > 1) {
				out.println("[FAIL] Keys " + waiting + " of '" + name + "' wait for promotion; choose one with --"
						+ KEY_ID + "=<id>");
				return 1;
			}
			id = waiting.get(0);
		}
		if (id.equals(primary.getId())) {
			out.println("[OK] Key " + id + " is the primary key of '" + name + "' already");
			return 0;
		}
		Path added = store.fileOf(name, id);
		if (!context.hasOption(SKIP_WAIT)) {
			String refusal = refuseEarly(properties, store, name, id, added);
			if (refusal != null) {
				out.println("[FAIL] " + refusal);
				return 1;
			}
		}
		EncryptionKey former = store.promote(name, id);
		out.println("[OK] Key " + id + " is now the primary key of '" + name + "' in " + store.fileOf(name)
				+ "; former primary key " + former.getId() + " is kept for reading in "
				+ store.fileOf(name, former.getId()));
		String configKeyName = EncryptedConfigValues.keyName(context.getEnvironment(),
				RotateKeyCommand.class.getClassLoader());
		if (name.equals(configKeyName)) {
			out.println("Next: replace every ENC(...) value in the configuration with fresh encrypt-value output "
					+ "(reencrypt cannot reach configuration files), then run: retire-key " + name + " "
					+ former.getId() + " --config-values-replaced");
		}
		else {
			out.println("Next: running processes encrypt with it after their next reload; then run: reencrypt " + name
					+ ", key-status, and once no value uses key " + former.getId() + ": retire-key " + name + " "
					+ former.getId());
		}
		return 0;
	}

	private static @Nullable String refuseEarly(SecretEncryptionProperties properties, KeyFileStore store, String name,
			KeyId id, Path added) {
		Duration wait = properties.getKeyReloadInterval().multipliedBy(2);
		if (wait.isZero() || wait.isNegative()) {
			return "Key reloading is off (secret-encryption.key-reload-interval=0), so running processes never load "
					+ "key " + id + "; restart every process that uses " + store.getDirectory()
					+ " so that it loads the key, then promote with --" + SKIP_WAIT;
		}
		Instant addedAt = modified(added);
		if (addedAt == null) {
			return null;
		}
		Duration age = Duration.between(addedAt, Instant.now());
		if (age.compareTo(wait) >= 0) {
			return null;
		}
		Duration left = wait.minus(age);
		return "Key " + id + " of '" + name + "' was added " + seconds(age.isNegative() ? Duration.ZERO : age)
				+ " ago; running processes read the key directory every " + seconds(properties.getKeyReloadInterval())
				+ ", so wait " + seconds(left) + " more (until "
				+ Instant.now().plus(left).truncatedTo(ChronoUnit.SECONDS) + ") for every one of them to load it, "
				+ "then promote again. Only if every process that uses " + store.getDirectory()
				+ " is stopped, promote at once with --" + SKIP_WAIT;
	}

	/**
	 * Return the kept keys that were added after the primary key was written, which are
	 * the keys that wait for promotion.
	 */
	private static List<KeyId> waiting(KeyFileStore store, String name, EncryptionKey primary) {
		Instant primaryAt = modified(store.fileOf(name));
		List<KeyId> waiting = new ArrayList<>();
		for (KeyId id : store.listKeyIds(name)) {
			Instant addedAt = modified(store.fileOf(name, id));
			if (!id.equals(primary.getId()) && primaryAt != null && addedAt != null && addedAt.isAfter(primaryAt)) {
				waiting.add(id);
			}
		}
		return waiting;
	}

	private static @Nullable Instant modified(Path file) {
		try {
			return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static String seconds(Duration duration) {
		long seconds = (duration.toMillis() + 999) / 1000;
		return seconds + " s";
	}

}
