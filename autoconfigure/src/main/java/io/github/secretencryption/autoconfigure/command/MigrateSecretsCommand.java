package io.github.secretencryption.autoconfigure.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.secretencryption.SecretEncryptionException;
import io.github.secretencryption.autoconfigure.SecretEncryptionProperties;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jasypt.LegacyPbeDecryptor;
import io.github.secretencryption.jpa.EncryptedColumn;
import io.github.secretencryption.jpa.EncryptedColumnRegistry;
import io.github.secretencryption.migration.ColumnMigration;
import io.github.secretencryption.migration.ColumnMigration.ValueProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * {@code migrate-secrets [--dry-run] [--from-jasypt]}: encrypts every legacy plaintext
 * value of every encrypted column in place, in batches, and leaves encrypted values as
 * they are. With {@code --from-jasypt} it re-encrypts instead the values that Jasypt's
 * password-based encryptor wrote, in the columns of
 * {@code secret-encryption.migration.jasypt.columns}, which the plain run leaves alone.
 * With {@code --dry-run} it only counts. Exits with 1 if any value could not be handled.
 *
 * @since 0.1.0
 */
public final class MigrateSecretsCommand implements SecretEncryptionCommand {

	private static final String JASYPT_CLASS = "org.jasypt.encryption.pbe.StandardPBEStringEncryptor";

	@Override
	public String name() {
		return "migrate-secrets";
	}

	@Override
	public String description() {
		return "Encrypt the legacy plaintext values of every encrypted column in place ([--dry-run] only counts; "
				+ "[--from-jasypt] re-encrypts values written by Jasypt)";
	}

	@Override
	public String usage() {
		return "migrate-secrets [--dry-run] [--from-jasypt]";
	}

	@Override
	public Set<String> options() {
		return Set.of("dry-run", "from-jasypt");
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
		Set<String> jasyptColumns = new LinkedHashSet<>(settings.getJasypt().getColumns());
		String unknown = unknownColumns(registry, jasyptColumns);
		if (unknown != null) {
			return fail(context, unknown);
		}
		ColumnMigration migration = new ColumnMigration(dataSource, settings.getBatchSize(),
				settings.getProgressInterval(), dryRun, out);
		List<ColumnMigration.Result> results = new ArrayList<>();
		if (context.hasOption("from-jasypt")) {
			if (jasyptColumns.isEmpty()) {
				return fail(context, "--from-jasypt needs secret-encryption.migration.jasypt.columns, the encrypted "
						+ "columns (as table.column) that hold values written by Jasypt");
			}
			if (!ClassUtils.isPresent(JASYPT_CLASS, MigrateSecretsCommand.class.getClassLoader())) {
				return fail(context, "--from-jasypt needs org.jasypt:jasypt on the class path; add it to the "
						+ "application's dependencies for the migration");
			}
			String password = settings.getJasypt().getPassword();
			if (password == null || password.isEmpty()) {
				return fail(context,
						"--from-jasypt needs the password the values were encrypted with: set "
								+ "secret-encryption.migration.jasypt.password, through the environment variable "
								+ "SECRET_ENCRYPTION_MIGRATION_JASYPT_PASSWORD rather than the command line");
			}
			Function<String, @Nullable String> decrypt;
			try {
				decrypt = JasyptValues.decryptor(settings.getJasypt(), password);
			}
			catch (IllegalArgumentException ex) {
				return fail(context, "secret-encryption.migration.jasypt: " + ex.getMessage());
			}
			for (EncryptedColumn column : registry.getColumns()) {
				if (jasyptColumns.contains(name(column))) {
					results.add(migration.migrate(column,
							(value) -> reencryptJasyptValue(encryptor, column, decrypt, value)));
				}
			}
		}
		else {
			for (EncryptedColumn column : registry.getColumns()) {
				if (jasyptColumns.contains(name(column))) {
					out.println("[SKIP] " + name(column) + ": holds values written by Jasypt "
							+ "(secret-encryption.migration.jasypt.columns); run migrate-secrets --from-jasypt");
					continue;
				}
				results.add(migration.migrate(column, (value) -> encryptIfPlaintext(encryptor, column, value)));
			}
		}
		long changed = results.stream().mapToLong(ColumnMigration.Result::changed).sum();
		long failed = results.stream().mapToLong((result) -> result.problems().size()).sum();
		out.println((dryRun ? "Dry run: " + changed + " values would be encrypted" : changed + " values encrypted")
				+ " in " + results.size() + " columns, " + failed + " failed");
		return (failed == 0) ? 0 : 1;
	}

	private static @Nullable String unknownColumns(EncryptedColumnRegistry registry, Set<String> names) {
		Set<String> known = new TreeSet<>();
		registry.getColumns().forEach((column) -> known.add(name(column)));
		Set<String> unknown = new TreeSet<>(names);
		unknown.removeAll(known);
		if (unknown.isEmpty()) {
			return null;
		}
		return "secret-encryption.migration.jasypt.columns names " + unknown + ", which "
				+ ((unknown.size() == 1) ? "is not an encrypted column" : "are not encrypted columns")
				+ "; the encrypted columns are " + known;
	}

	private static String name(EncryptedColumn column) {
		return column.table() + "." + column.column();
	}

	private int fail(CommandContext context, String message) {
		context.getOut().println("[FAIL] " + name() + ": " + message);
		return 1;
	}

	private static @Nullable String encryptIfPlaintext(AesGcmEncryptor encryptor, EncryptedColumn column,
			String value) {
		if (AesGcmEncryptor.isLegacyPlaintext(value)) {
			return encryptor.encrypt(column.keyName(), value, column.associatedDataBytes());
		}
		return checkEncrypted(encryptor, column, value);
	}

	private static @Nullable String reencryptJasyptValue(AesGcmEncryptor encryptor, EncryptedColumn column,
			Function<String, @Nullable String> decrypt, String value) {
		if (!AesGcmEncryptor.isLegacyPlaintext(value)) {
			return checkEncrypted(encryptor, column, value);
		}
		String plaintext;
		try {
			plaintext = decrypt.apply(value);
		}
		catch (IllegalArgumentException ex) {
			throw new ValueProblem(ex.getMessage() + ", left as it is");
		}
		return encryptor.encrypt(column.keyName(), plaintext, column.associatedDataBytes());
	}

	private static @Nullable String checkEncrypted(AesGcmEncryptor encryptor, EncryptedColumn column, String value) {
		try {
			encryptor.decrypt(column.keyName(), value, column.associatedDataBytes());
			return null;
		}
		catch (SecretEncryptionException ex) {
			throw new ValueProblem("looks encrypted but cannot be decrypted, left as it is: " + ex.getProblem());
		}
	}

	/**
	 * Creates the decryptor of Jasypt values in a class of its own, so that the command
	 * loads without Jasypt.
	 */
	private static final class JasyptValues {

		static Function<String, @Nullable String> decryptor(SecretEncryptionProperties.Jasypt settings,
				String password) {
			LegacyPbeDecryptor decryptor = new LegacyPbeDecryptor(password, settings.getAlgorithm(),
					settings.getKeyObtentionIterations(), settings.getIvGeneratorClassname(),
					settings.getSaltGeneratorClassname(), settings.getStringOutputType(), settings.getProviderName());
			return decryptor::decrypt;
		}

	}

}
