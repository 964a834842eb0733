package io.github.secretencryption.autoconfigure.command;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.secretencryption.autoconfigure.EncryptedConfigValues;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyId;
import io.github.secretencryption.keys.KeyRing;
import io.github.secretencryption.migration.KeyUsage;
import io.github.secretencryption.migration.KeyUsage.ColumnUsage;

import org.springframework.context.ApplicationContext;

/**
 * {@code key-status}: prints, for every key name, each loaded key id (the primary, and
 * older keys that only decrypt) and each key id found in the stored values that no loaded
 * key has, with the number of values under it in each {@code table.column}, and the
 * legacy plaintext values of each column. Key ids are read from the stored values without
 * decrypting them. Exits with 1 if any value is under a key id that is not loaded.
 *
 * @since 0.1.0
 */
public final class KeyStatusCommand implements SecretEncryptionCommand {

	@Override
	public String name() {
		return "key-status";
	}

	@Override
	public String description() {
		return "Count the stored values under each key id of every key name and name the key ids that are missing";
	}

	@Override
	public String usage() {
		return "key-status";
	}

	@Override
	public boolean needsApplicationContext() {
		return true;
	}

	@Override
	public int run(CommandContext context) throws Exception {
		ApplicationContext application = context.getApplicationContext();
		PrintStream out = context.getOut();
		KeyRing keyRing = application.getBean(AesGcmEncryptor.class).getKeyRing();
		KeyUsage usage = StoredKeyUsage.scan(application);
		String configKeyName = EncryptedConfigValues.keyName(context.getEnvironment(), application.getClassLoader());
		long missing = 0;
		long plaintext = 0;
		long unparsable = 0;
		for (String name : keyRing.getNames()) {
			missing += printKeyName(out, keyRing, usage, name, name.equals(configKeyName));
			plaintext += usage.getColumns(name).stream().mapToLong(ColumnUsage::plaintext).sum();
			unparsable += usage.getColumns(name).stream().mapToLong(ColumnUsage::unreadable).sum();
		}
		if (plaintext > 0) {
			out.println("[WARN] " + valuesAre(plaintext) + " still plaintext; encrypt them with migrate-secrets");
		}
		if (missing > 0) {
			out.println("[FAIL] " + valuesAre(missing) + " under key ids that no loaded key has and cannot be read; "
					+ "restore those keys from the backup into the key directory");
		}
		if (unparsable > 0) {
			out.println("[FAIL] " + valuesAre(unparsable) + " marked as encrypted but cannot be parsed (damaged, "
					+ "or written by a newer format version); reencrypt lists them by primary key; restore them "
					+ "from a backup or provision them again");
		}
		if (missing > 0 || unparsable > 0) {
			return 1;
		}
		out.println("[OK] every encrypted value is under a loaded key");
		return 0;
	}

	private long printKeyName(PrintStream out, KeyRing keyRing, KeyUsage usage, String name, boolean configValues) {
		List<ColumnUsage> columns = usage.getColumns(name);
		out.println("Key '" + name + "'"
				+ (columns.isEmpty() ? "" : ", columns " + columns.stream().map(ColumnUsage::name).toList()));
		KeyId primary = keyRing.getPrimary(name).getId();
		Set<KeyId> loaded = new LinkedHashSet<>();
		for (EncryptionKey key : keyRing.getKeys(name)) {
			loaded.add(key.getId());
			String role = key.getId().equals(primary) ? "primary" : "decrypt-only";
			printKeyId(out, usage, name, key.getId(), role, !columns.isEmpty());
		}
		long missing = 0;
		for (KeyId id : usage.getKeyIds(name)) {
			if (!loaded.contains(id)) {
				printKeyId(out, usage, name, id, "missing: values cannot be read", true);
				missing += usage.valuesUnder(name, id);
			}
		}
		if (!columns.isEmpty()) {
			out.println("  plaintext: " + values(columns.stream().mapToLong(ColumnUsage::plaintext).sum()));
			columns.forEach((column) -> out.println("    " + column.name() + ": " + column.plaintext()));
		}
		long unreadable = columns.stream().mapToLong(ColumnUsage::unreadable).sum();
		if (unreadable > 0) {
			out.println("  cannot be parsed: " + values(unreadable));
			columns.stream()
				.filter((column) -> column.unreadable() > 0)
				.forEach((column) -> out.println("    " + column.name() + ": " + column.unreadable()));
		}
		if (configValues) {
			out.println("  values in configuration files (ENC(...)) cannot be counted: keep each old key of '" + name
					+ "' until every ENC(...) value has been replaced with fresh encrypt-value output");
		}
		else if (columns.isEmpty()) {
			out.println("  no encrypted column uses this key name");
		}
		return missing;
	}

	private static void printKeyId(PrintStream out, KeyUsage usage, String name, KeyId id, String role,
			boolean counted) {
		if (!counted) {
			out.println("  " + id + " " + role);
			return;
		}
		out.println("  " + id + " " + role + ": " + values(usage.valuesUnder(name, id)));
		usage.valuesByColumn(name, id).forEach((column, count) -> out.println("    " + column + ": " + count));
	}

	private static String valuesAre(long count) {
		return values(count) + ((count == 1) ? " is" : " are");
	}

	private static String values(long count) {
		return count + ((count == 1) ? " value" : " values");
	}

}
