package io.github.secretencryption.autoconfigure.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.github.secretencryption.SecretEncryptionException;
import io.github.secretencryption.autoconfigure.EncryptedConfigValues;
import io.github.secretencryption.autoconfigure.SecretEncryptionProperties;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jpa.EncryptedColumn;
import io.github.secretencryption.jpa.EncryptedColumnRegistry;
import io.github.secretencryption.keys.KeyId;
import io.github.secretencryption.keys.KeyRing;
import io.github.secretencryption.migration.ColumnMigration;
import io.github.secretencryption.migration.ColumnMigration.ValueProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;

/**
 * {@code reencrypt [<name>] [--dry-run]}: moves every value of every encrypted column, or
 * of the columns of one key name, whose key id is not its key name's primary key onto the
 * primary key, in batches with conditional writes, as {@code migrate-secrets} does.
 * Values that cannot be decrypted (a key id that no loaded key has, a tampered value) are
 * reported by table, column and primary key and left as they are; legacy plaintext is
 * left as it is and counted. With {@code --dry-run} it only counts. Exits with 1 if any
 * value could not be re-encrypted.
 *
 * @since 0.1.0
 */
public final class ReencryptCommand implements SecretEncryptionCommand {

	@Override
	public String name() {
		return "reencrypt";
	}

	@Override
	public String description() {
		return "Move every value onto its key name's primary key ([<name>] only that key name, [--dry-run] only counts)";
	}

	@Override
	public String usage() {
		return "reencrypt [<name>] [--dry-run]";
	}

	@Override
	public Set<String> options() {
		return Set.of("dry-run");
	}

	@Override
	public int maxArguments() {
		return 1;
	}

	@Override
	public boolean needsApplicationContext() {
		return true;
	}

	@Override
	public int run(CommandContext context) throws Exception {
		PrintStream out = context.getOut();
		ApplicationContext application = context.getApplicationContext();
		AesGcmEncryptor encryptor = application.getBean(AesGcmEncryptor.class);
		KeyRing keyRing = encryptor.getKeyRing();
		List<String> arguments = context.getArguments();
		if (arguments.size() > 1) {
			return fail(out, "takes at most one key name, not " + arguments);
		}
		String keyName = arguments.isEmpty() ? null : arguments.get(0);
		if (keyName != null && !keyRing.contains(keyName)) {
			return fail(out, "no key is named '" + keyName + "'; configured key names are " + keyRing.getNames());
		}
		List<EncryptedColumn> columns = columns(application, keyName);
		boolean dryRun = context.hasOption("dry-run");
		SecretEncryptionProperties.Migration settings = application.getBean(SecretEncryptionProperties.class)
			.getMigration();
		long changed = 0;
		long failed = 0;
		long plaintext = 0;
		if (!columns.isEmpty()) {
			ColumnMigration migration = new ColumnMigration(application.getBean(DataSource.class),
					settings.getBatchSize(), settings.getProgressInterval(), dryRun, out);
			for (EncryptedColumn column : columns) {
				AtomicLong plaintextValues = new AtomicLong();
				ColumnMigration.Result result = migration.migrate(column,
						(value) -> reencrypt(encryptor, column, value, plaintextValues));
				changed += result.changed();
				failed += result.problems().size();
				plaintext += plaintextValues.get();
				if (plaintextValues.get() > 0) {
					out.println("[WARN] " + result.column() + ": " + plaintextValues.get()
							+ " plaintext values left as they are");
				}
			}
		}
		String configKeyName = EncryptedConfigValues.keyName(context.getEnvironment(), application.getClassLoader());
		if (configKeyName != null && keyRing.contains(configKeyName)
				&& (keyName == null || keyName.equals(configKeyName))) {
			out.println("Values in configuration files (ENC(...)) are not re-encrypted: replace each with fresh "
					+ "encrypt-value output");
		}
		out.println(
				(dryRun ? "Dry run: " + changed + " values would be re-encrypted" : changed + " values re-encrypted")
						+ " in " + columns.size() + " columns, " + failed + " failed");
		if (plaintext > 0) {
			out.println(plaintext + " plaintext values were left as they are; encrypt them with migrate-secrets");
		}
		return (failed == 0) ? 0 : 1;
	}

	private static List<EncryptedColumn> columns(ApplicationContext application, @Nullable String keyName) {
		EncryptedColumnRegistry registry = application.getBeanProvider(EncryptedColumnRegistry.class).getIfAvailable();
		if (registry == null) {
			return List.of();
		}
		return new ArrayList<>((keyName != null) ? registry.getColumns(keyName) : registry.getColumns());
	}

	/**
	 * Return the value encrypted under the primary key, or {@code null} for a value that
	 * is already under it or is legacy plaintext.
	 */
	private static @Nullable String reencrypt(AesGcmEncryptor encryptor, EncryptedColumn column, String value,
			AtomicLong plaintextValues) {
		if (AesGcmEncryptor.isLegacyPlaintext(value)) {
			plaintextValues.incrementAndGet();
			return null;
		}
		KeyId primary = encryptor.getKeyRing().getPrimary(column.keyName()).getId();
		if (primary.equals(AesGcmEncryptor.findKeyId(value))) {
			return null;
		}
		try {
			String plaintext = encryptor.decrypt(column.keyName(), value, column.associatedDataBytes());
			return encryptor.encrypt(column.keyName(), plaintext, column.associatedDataBytes());
		}
		catch (SecretEncryptionException ex) {
			throw new ValueProblem("cannot be decrypted, left as it is: " + ex.getProblem());
		}
	}

	private int fail(PrintStream out, String message) {
		out.println("[FAIL] " + name() + ": " + message);
		return 1;
	}

}
