package io.github.secretencryption.autoconfigure.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.github.secretencryption.autoconfigure.EncryptedConfigValues;
import io.github.secretencryption.autoconfigure.SecretEncryptionProperties;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jdbc.KeyIdRecords;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyFileException;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyId;
import io.github.secretencryption.keys.KeyRing;
import io.github.secretencryption.keys.KeySource;
import io.github.secretencryption.migration.KeyUsage;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code retire-key <name> <key-id>}: sets an old key aside once no stored value needs
 * it. It is refused when the key is the primary key, when no file keeps it, when the key
 * was the primary key less than twice {@code secret-encryption.key-reload-interval} ago
 * (a process may still write with it), and when any value in any encrypted column is
 * still under it, with the counts per column; {@code --insecure-skip-wait} drops the wait
 * after a promotion for a fleet that was stopped during it. Otherwise the key file moves
 * to the {@code retired/} subdirectory of the key directory, where it is kept but never
 * loaded, and its key id record is removed from the database, where the remaining keys
 * are recorded, so that the next start's key-loss check does not ask for it. Running
 * processes keep the key loaded until they restart.
 *
 * @since 0.1.0
 */
public final class RetireKeyCommand implements SecretEncryptionCommand {

	private static final String CONFIG_VALUES_REPLACED = "config-values-replaced";

	private static final String SKIP_WAIT = "insecure-skip-wait";

	@Override
	public String name() {
		return "retire-key";
	}

	@Override
	public String description() {
		return "Set an old key aside in retired/ once no stored value is under it: retire-key <name> <key-id>";
	}

	@Override
	public String usage() {
		return "retire-key <name> <key-id> [--insecure-skip-wait] [--config-values-replaced]";
	}

	@Override
	public Set<String> options() {
		return Set.of(CONFIG_VALUES_REPLACED, SKIP_WAIT);
	}

	@Override
	public int minArguments() {
		return 2;
	}

	@Override
	public int maxArguments() {
		return 2;
	}

	@Override
	public boolean needsApplicationContext() {
		return true;
	}

	@Override
	public int run(CommandContext context) throws Exception {
		PrintStream out = context.getOut();
		ApplicationContext application = context.getApplicationContext();
		SecretEncryptionProperties properties = application.getBean(SecretEncryptionProperties.class);
		List<String> arguments = context.getArguments();
		if (arguments.size() != 2) {
			out.println("[FAIL] Usage: " + usage());
			return 2;
		}
		String name = arguments.get(0);
		KeyId id;
		try {
			id = KeyId.parse(arguments.get(1));
		}
		catch (IllegalArgumentException ex) {
			out.println("[FAIL] " + ex.getMessage());
			return 1;
		}
		KeyRing keyRing = application.getBean(AesGcmEncryptor.class).getKeyRing();
		if (!keyRing.contains(name)) {
			out.println("[FAIL] No key is named '" + name + "'; configured key names are " + keyRing.getNames());
			return 1;
		}
		Path directory = properties.getKeyDirectory();
		if (directory == null || properties.isInsecureEphemeralKeys()) {
			out.println("[FAIL] Keys do not live in a key directory (secret-encryption.key-directory), so none can be "
					+ "retired");
			return 1;
		}
		KeyFileStore store = new KeyFileStore(directory, properties.getKeySource());
		String refusal = refusal(context, properties, store, name, id);
		if (refusal != null) {
			out.println("[FAIL] " + refusal);
			return 1;
		}
		KeyUsage usage = StoredKeyUsage.scan(application);
		long values = usage.valuesUnder(name, id);
		if (values > 0) {
			out.println("[FAIL] " + values + ((values == 1) ? " value is" : " values are") + " still under key " + id
					+ " of '" + name + "'; run reencrypt " + name + " first, then check with key-status:");
			usage.valuesByColumn(name, id).forEach((column, count) -> out.println("    " + column + ": " + count));
			return 1;
		}
		if (properties.getKeySource() == KeySource.MOUNTED) {
			out.println("[OK] No value is under key " + id + " of '" + name + "'. Keys are mounted, so remove " + name
					+ "." + id + ".key from the Secret (or Vault path) and keep it with the backups that need "
					+ "it; running processes keep it loaded until they restart");
			return 0;
		}
		Path retired;
		try {
			retired = store.retire(name, id);
		}
		catch (KeyFileException ex) {
			out.println("[FAIL] " + ex.getProblem() + "; " + ex.getAction());
			return 1;
		}
		boolean removed = updateRecords(application, properties, store, name, id);
		out.println("[OK] Retired key " + id + " of '" + name + "': moved to " + retired
				+ (removed ? "; its record in " + KeyIdRecords.TABLE + " is removed" : ""));
		out.println("Running processes keep it loaded until they restart. Keep " + retired
				+ " as long as a database backup from before the re-encryption exists; restore it into "
				+ store.getDirectory() + " together with such a backup");
		return 0;
	}

	private static @Nullable String refusal(CommandContext context, SecretEncryptionProperties properties,
			KeyFileStore store, String name, KeyId id) {
		EncryptionKey primary;
		try {
			primary = store.load(name);
		}
		catch (KeyFileException ex) {
			return ex.getProblem() + "; " + ex.getAction();
		}
		String configKeyName = EncryptedConfigValues.keyName(context.getEnvironment(),
				context.getApplicationContext().getClassLoader());
		if (primary.getId().equals(id)) {
			// ENC(...) values live in configuration files, which reencrypt cannot reach
			String moveValues = name.equals(configKeyName)
					? "replace every ENC(...) value with fresh encrypt-value output" : "reencrypt " + name;
			return "Key " + id + " is the primary key of '" + name + "' and cannot be retired; rotate first: "
					+ "rotate-key " + name + ", wait, rotate-key " + name + " --promote, then " + moveValues;
		}
		Path file = store.fileOf(name, id);
		if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
			if (Files.exists(store.retiredFileOf(name, id), LinkOption.NOFOLLOW_LINKS)) {
				return "Key " + id + " of '" + name + "' is retired already, in " + store.retiredFileOf(name, id);
			}
			return "Key " + id + " of '" + name + "' is unknown: " + file + " does not exist; key-status lists the "
					+ "key ids of '" + name + "'";
		}
		if (name.equals(configKeyName) && !context.hasOption(CONFIG_VALUES_REPLACED)) {
			return "Key '" + name + "' also encrypts ENC(...) values in configuration files, which cannot be "
					+ "counted; replace each with fresh encrypt-value output, then retire with --"
					+ CONFIG_VALUES_REPLACED;
		}
		return context.hasOption(SKIP_WAIT) ? null : tooRecent(properties, store, name, id, file);
	}

	/**
	 * Refuse while a running process may still write with the key: linking the former
	 * primary key to its id name at promotion changed the file's status time.
	 */
	private static @Nullable String tooRecent(SecretEncryptionProperties properties, KeyFileStore store, String name,
			KeyId id, Path file) {
		Duration wait = properties.getKeyReloadInterval().multipliedBy(2);
		if (wait.isZero() || wait.isNegative()) {
			return null;
		}
		Instant changed = statusChanged(file);
		if (changed == null) {
			return null;
		}
		Duration left = wait.minus(Duration.between(changed, Instant.now()));
		if (left.isNegative() || left.isZero()) {
			return null;
		}
		return "Key " + id + " of '" + name + "' was the primary key until " + changed.truncatedTo(ChronoUnit.SECONDS)
				+ ", and running processes may write with it until they reload " + store.getDirectory()
				+ "; wait until " + Instant.now().plus(left).truncatedTo(ChronoUnit.SECONDS) + ", run reencrypt " + name
				+ " again, then retire. Only if every process that uses " + store.getDirectory()
				+ " was stopped during the promotion, retire at once with --" + SKIP_WAIT;
	}

	private static @Nullable Instant statusChanged(Path file) {
		try {
			Object ctime = Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
			return (ctime instanceof FileTime time) ? time.toInstant() : null;
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			// No status change time on this platform
			return null;
		}
	}

	private static boolean updateRecords(ApplicationContext application, SecretEncryptionProperties properties,
			KeyFileStore store, String name, KeyId id) {
		DataSource dataSource = application.getBeanProvider(DataSource.class).getIfAvailable();
		if (dataSource == null || !properties.getKeyRegistry().isEnabled()) {
			return false;
		}
		KeyIdRecords records = new KeyIdRecords(new JdbcTemplate(dataSource));
		for (EncryptionKey key : store.readKeyRing(List.of(name)).getKeys(name)) {
			records.record(name, key.getId());
		}
		return records.remove(name, id);
	}

}
