package io.github.secretencryption.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.secretencryption.SecretEncryptionException;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jpa.EncryptedColumn;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyRing;
import io.github.secretencryption.keys.KeyRingReloader;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Health of the keys: UP only when every key file exists, holds the key in use, has 32
 * bytes and no permission for group or others, and encrypts and decrypts a sample, when
 * the last reload of the key directory succeeded, and when one stored value of every
 * encrypted column decrypts.
 *
 * @since 0.1.0
 */
public class SecretEncryptionHealthIndicator extends AbstractHealthIndicator {

	private final KeyFileInspector inspector;

	private final AesGcmEncryptor encryptor;

	private final Supplier<List<EncryptedColumn>> columns;

	private final @Nullable JdbcTemplate jdbc;

	/**
	 * Create a health indicator.
	 * @param keyRing the keys in use
	 * @param store the key files, or {@code null} for keys that do not live in the key
	 * directory
	 * @param encryptor the encryptor
	 * @param columns supplies the encrypted columns to sample
	 * @param jdbc access to the database, or {@code null} to skip sampling
	 */
	public SecretEncryptionHealthIndicator(KeyRing keyRing, @Nullable KeyFileStore store, AesGcmEncryptor encryptor,
			Supplier<List<EncryptedColumn>> columns, @Nullable JdbcTemplate jdbc) {
		this(keyRing, store, null, encryptor, columns, jdbc);
	}

	/**
	 * Create a health indicator that also reports a failed reload of the keys.
	 * @param keyRing the keys in use
	 * @param store the key files, or {@code null} for keys that do not live in the key
	 * directory
	 * @param reloader reloads the keys, or {@code null} if they are never reloaded
	 * @param encryptor the encryptor
	 * @param columns supplies the encrypted columns to sample
	 * @param jdbc access to the database, or {@code null} to skip sampling
	 */
	public SecretEncryptionHealthIndicator(KeyRing keyRing, @Nullable KeyFileStore store,
			@Nullable KeyRingReloader reloader, AesGcmEncryptor encryptor, Supplier<List<EncryptedColumn>> columns,
			@Nullable JdbcTemplate jdbc) {
		super("Secret encryption health check failed");
		this.inspector = new KeyFileInspector(keyRing, store, reloader);
		this.encryptor = encryptor;
		this.columns = columns;
		this.jdbc = jdbc;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean up = true;
		Map<String, Object> keys = new LinkedHashMap<>();
		for (KeyFileInspector.KeyState key : this.inspector.inspect()) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("path", (key.path() != null) ? key.path().toString() : "(not in the key directory)");
			detail.put("keyId", key.keyId());
			detail.put("keyIds", key.keyIds());
			if (key.mode() != null) {
				detail.put("mode", key.mode());
				detail.put("size", key.size());
			}
			if (key.problem() != null) {
				detail.put("error", key.problem());
				up = false;
			}
			keys.put(key.name(), detail);
		}
		Map<String, Object> columns = new LinkedHashMap<>();
		if (this.jdbc != null) {
			for (EncryptedColumn column : this.columns.get()) {
				String problem = sample(this.jdbc, column);
				columns.put(column.table() + "." + column.column(), (problem != null) ? problem : "OK");
				up &= (problem == null);
			}
		}
		KeyRingReloader.Failure failure = this.inspector.reloadFailure();
		if (failure != null) {
			builder.withDetail("reload", Map.of("error", failure.problem(), "failedAt", failure.at().toString()));
			up = false;
		}
		builder.status(up ? "UP" : "DOWN").withDetail("keys", keys);
		if (!columns.isEmpty()) {
			builder.withDetail("columns", columns);
		}
	}

	private @Nullable String sample(JdbcTemplate jdbc, EncryptedColumn column) {
		JdbcTemplate limited = new JdbcTemplate(jdbc.getDataSource());
		limited.setMaxRows(1);
		List<String> values = limited.queryForList(
				"select " + column.column() + " from " + column.table() + " where " + column.column() + " is not null",
				String.class);
		if (values.isEmpty()) {
			return null;
		}
		try {
			this.encryptor.decrypt(column.keyName(), values.get(0), column.associatedDataBytes());
			return null;
		}
		catch (SecretEncryptionException ex) {
			return ex.getMessage();
		}
	}

}
