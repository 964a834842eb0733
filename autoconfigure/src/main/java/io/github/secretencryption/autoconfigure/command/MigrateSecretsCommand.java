package io.github.secretencryption.autoconfigure.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.secretencryption.SecretEncryptionException;
import io.github.secretencryption.autoconfigure.SecretEncryptionProperties;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jpa.EncryptedColumn;
import io.github.secretencryption.jpa.EncryptedColumnRegistry;
import io.github.secretencryption.migration.ColumnMigration;
import io.github.secretencryption.migration.ColumnMigration.ValueProblem;
import org.jspecify.annotations.Nullable;

/**
 * {@code migrate-secrets [--dry-run]}: encrypts every legacy plaintext value of every
 * encrypted column in place, in batches, and leaves encrypted values as they are. With
 * {@code --dry-run} it only counts. Exits with 1 if any value could not be handled.
 *
 * @since 0.1.0
 */
public final class MigrateSecretsCommand implements SecretEncryptionCommand {

	@Override
	public String name() {
		return "migrate-secrets";
	}

	@Override
	public String description() {
		return "Encrypt the legacy plaintext values of every encrypted column in place ([--dry-run] only counts)";
	}

	@Override
	public boolean needsApplicationContext() {
		return true;
	}

	@Override
	public int run(CommandContext context) throws Exception {
		PrintStream out = context.getOut();
		EncryptedColumnRegistry registry = context.getApplicationContext().getBean(EncryptedColumnRegistry.class);
		AesGcmEncryptor encryptor = context.getApplicationContext().getBean(AesGcmEncryptor.class);
		DataSource dataSource = context.getApplicationContext().getBean(DataSource.class);
		boolean dryRun = context.hasOption("dry-run");
		SecretEncryptionProperties.Migration settings = context.getApplicationContext()
			.getBean(SecretEncryptionProperties.class)
			.getMigration();
		ColumnMigration migration = new ColumnMigration(dataSource, settings.getBatchSize(),
				settings.getProgressInterval(), dryRun, out);
		List<ColumnMigration.Result> results = new ArrayList<>();
		for (EncryptedColumn column : registry.getColumns()) {
			results.add(migration.migrate(column, (value) -> encryptIfPlaintext(encryptor, column, value)));
		}
		long changed = results.stream().mapToLong(ColumnMigration.Result::changed).sum();
		long failed = results.stream().mapToLong((result) -> result.problems().size()).sum();
		out.println((dryRun ? "Dry run: " + changed + " values would be encrypted" : changed + " values encrypted")
				+ " in " + results.size() + " columns, " + failed + " failed");
		return (failed == 0) ? 0 : 1;
	}

	private static @Nullable String encryptIfPlaintext(AesGcmEncryptor encryptor, EncryptedColumn column,
			String value) {
		if (AesGcmEncryptor.isLegacyPlaintext(value)) {
			return encryptor.encrypt(column.keyName(), value, column.associatedDataBytes());
		}
		try {
			encryptor.decrypt(column.keyName(), value, column.associatedDataBytes());
			return null;
		}
		catch (SecretEncryptionException ex) {
			throw new ValueProblem("looks encrypted but cannot be decrypted, left as it is: " + ex.getProblem());
		}
	}

}
