package io.github.secretencryption.jdbc;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jpa.EncryptedColumn;
import io.github.secretencryption.keys.KeyId;
import io.github.secretencryption.migration.KeyUsage;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The table {@value #TABLE}, which records every key id seen for each key name, and the
 * queries over encrypted columns that the guard needs. The table is created by the script
 * {@value #SCHEMA_LOCATION}.
 *
 * @since 0.1.0
 */
public final class KeyIdRecords {

	/**
	 * Name of the table.
	 */
	public static final String TABLE = "secret_encryption_keys";

	private static final int COUNT_BATCH_SIZE = 1000;

	/**
	 * Location of the script that creates the table.
	 */
	public static final String SCHEMA_LOCATION = "classpath:io/github/secretencryption/jdbc/schema.sql";

	private final JdbcTemplate jdbc;

	/**
	 * Create an instance over the application's database.
	 * @param jdbc the JDBC template
	 */
	public KeyIdRecords(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Return whether the table of records exists and can be read.
	 * @return whether the table exists
	 */
	public boolean tableExists() {
		try {
			this.jdbc.queryForObject("select count(*) from " + TABLE + " where 1 = 0", Long.class);
			return true;
		}
		catch (BadSqlGrammarException ex) {
			return false;
		}
	}

	/**
	 * Return the key ids recorded for a key name.
	 * @param keyName the key name
	 * @return the key ids, in the order they were recorded
	 */
	public Set<KeyId> find(String keyName) {
		return new LinkedHashSet<>(
				this.jdbc.query("select key_id from " + TABLE + " where key_name = ? order by recorded_at, key_id",
						(rs, row) -> KeyId.parse(rs.getString(1).trim()), keyName));
	}

	/**
	 * Record a key id for a key name, unless it is recorded already.
	 * @param keyName the key name
	 * @param keyId the key id
	 */
	public void record(String keyName, KeyId keyId) {
		if (find(keyName).contains(keyId)) {
			return;
		}
		try {
			this.jdbc.update("insert into " + TABLE + " (key_name, key_id, recorded_at) values (?, ?, ?)", keyName,
					keyId.toString(), Timestamp.from(Instant.now()));
		}
		catch (DuplicateKeyException ex) {
			// Recorded by another process at the same moment
		}
	}

	/**
	 * Remove the record of a key id, as when the key was retired and no value needs it.
	 * @param keyName the key name
	 * @param keyId the key id
	 * @return whether a record was removed
	 */
	public boolean remove(String keyName, KeyId keyId) {
		return this.jdbc.update("delete from " + TABLE + " where key_name = ? and key_id = ?", keyName,
				keyId.toString()) > 0;
	}

	/**
	 * Count the values stored in an encrypted column under any of the given key ids,
	 * reading the key id from each value without decrypting it.
	 * @param column the column
	 * @param ids the key ids
	 * @return the number of values under those key ids
	 */
	public long countValuesUnder(EncryptedColumn column, Set<KeyId> ids) {
		DataSource dataSource = this.jdbc.getDataSource();
		if (dataSource == null) {
			throw new IllegalStateException("JdbcTemplate must have a DataSource");
		}
		try {
			KeyUsage usage = KeyUsage.scan(dataSource, List.of(column), COUNT_BATCH_SIZE);
			return ids.stream().mapToLong((id) -> usage.valuesUnder(column.keyName(), id)).sum();
		}
		catch (SQLException ex) {
			throw new UncategorizedSQLException("Counting the values of " + column, null, ex);
		}
	}

	/**
	 * Read the key ids of up to {@code limit} values of an encrypted column; values that
	 * are not encrypted are skipped.
	 * @param column the column
	 * @param limit how many values to read at most
	 * @return the key ids found
	 */
	public Set<KeyId> sampleKeyIds(EncryptedColumn column, int limit) {
		JdbcTemplate limited = new JdbcTemplate(this.jdbc.getDataSource());
		limited.setMaxRows(limit);
		Set<KeyId> ids = new LinkedHashSet<>();
		limited.query(
				"select " + column.column() + " from " + column.table() + " where " + column.column() + " is not null",
				(rs) -> {
					// A value not readable in a known format is reported by decryption
					KeyId id = AesGcmEncryptor.findKeyId(rs.getString(1));
					if (id != null) {
						ids.add(id);
					}
				});
		return ids;
	}

}
