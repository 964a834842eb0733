package io.github.secretencryption.migration;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jpa.EncryptedColumn;
import io.github.secretencryption.keys.KeyId;

/**
 * How many stored values each key id protects, found by reading every value of every
 * encrypted column. The key id of a value is read from its header without decrypting it,
 * so values under keys that are not loaded are counted too. Values that are legacy
 * plaintext, and values that cannot be parsed (another format version, malformed Base64
 * or binary form), are counted per column.
 * <p>
 * A scan reads each column in batches ordered by primary key and writes nothing. It is a
 * snapshot: values written while it runs may or may not be counted.
 *
 * @since 0.1.0
 */
public final class KeyUsage {

	private final List<ColumnUsage> columns;

	private KeyUsage(List<ColumnUsage> columns) {
		this.columns = List.copyOf(columns);
	}

	/**
	 * Count the values of the given columns.
	 * @param dataSource the database
	 * @param columns the encrypted columns
	 * @param batchSize how many rows one query reads
	 * @return the counts
	 * @throws SQLException on a database error
	 */
	public static KeyUsage scan(DataSource dataSource, List<EncryptedColumn> columns, int batchSize)
			throws SQLException {
		if (batchSize < 1) {
			throw new IllegalArgumentException("Batch size must be at least 1, not " + batchSize);
		}
		ColumnReader reader = new ColumnReader(dataSource, batchSize);
		List<ColumnUsage> usages = new ArrayList<>();
		for (EncryptedColumn column : columns) {
			Map<KeyId, Long> byKeyId = new LinkedHashMap<>();
			long[] plaintextAndUnreadable = new long[2];
			reader.forEach(column, (values) -> {
				for (ColumnReader.StoredValue stored : values) {
					KeyId id = AesGcmEncryptor.findKeyId(stored.value());
					if (id != null) {
						byKeyId.merge(id, 1L, Long::sum);
					}
					else if (AesGcmEncryptor.isLegacyPlaintext(stored.value())) {
						plaintextAndUnreadable[0]++;
					}
					else {
						plaintextAndUnreadable[1]++;
					}
				}
			});
			usages.add(new ColumnUsage(column, Collections.unmodifiableMap(byKeyId), plaintextAndUnreadable[0],
					plaintextAndUnreadable[1]));
		}
		return new KeyUsage(usages);
	}

	/**
	 * Return the usage of no columns at all, for an application without encrypted
	 * columns.
	 * @return empty counts
	 */
	public static KeyUsage none() {
		return new KeyUsage(List.of());
	}

	/**
	 * Return the counts of every scanned column, in the order they were given.
	 * @return the columns
	 */
	public List<ColumnUsage> getColumns() {
		return this.columns;
	}

	/**
	 * Return the counts of the columns encrypted under one key name.
	 * @param keyName the key name
	 * @return the columns
	 */
	public List<ColumnUsage> getColumns(String keyName) {
		return this.columns.stream().filter((usage) -> usage.column().keyName().equals(keyName)).toList();
	}

	/**
	 * Return the key ids found in the values of a key name's columns, in the order first
	 * found.
	 * @param keyName the key name
	 * @return the key ids
	 */
	public Set<KeyId> getKeyIds(String keyName) {
		Set<KeyId> ids = new LinkedHashSet<>();
		getColumns(keyName).forEach((usage) -> ids.addAll(usage.valuesByKeyId().keySet()));
		return ids;
	}

	/**
	 * Return how many values a key protects.
	 * @param keyName the key name
	 * @param id the key id
	 * @return the number of values, in all columns of that key name, under that key id
	 */
	public long valuesUnder(String keyName, KeyId id) {
		return getColumns(keyName).stream().mapToLong((usage) -> usage.valuesUnder(id)).sum();
	}

	/**
	 * Return, for one key, the number of values in each column that has any.
	 * @param keyName the key name
	 * @param id the key id
	 * @return the counts by {@code table.column}, sorted by name
	 */
	public Map<String, Long> valuesByColumn(String keyName, KeyId id) {
		Map<String, Long> counts = new TreeMap<>();
		for (ColumnUsage usage : getColumns(keyName)) {
			long count = usage.valuesUnder(id);
			if (count > 0) {
				counts.merge(usage.name(), count, Long::sum);
			}
		}
		return counts;
	}

	@Override
	public String toString() {
		return "KeyUsage" + this.columns;
	}

	/**
	 * The counts of one column.
	 *
	 * @param column the column
	 * @param valuesByKeyId how many values each key id protects, in the order first found
	 * @param plaintext how many values are legacy plaintext, without the prefix of any
	 * format version
	 * @param unreadable how many values carry a format prefix but cannot be parsed
	 */
	public record ColumnUsage(EncryptedColumn column, Map<KeyId, Long> valuesByKeyId, long plaintext, long unreadable) {

		/**
		 * Return the column's name.
		 * @return {@code table.column}
		 */
		public String name() {
			return this.column.table() + "." + this.column.column();
		}

		/**
		 * Return how many values of this column a key protects.
		 * @param id the key id
		 * @return the number of values
		 */
		public long valuesUnder(KeyId id) {
			Long count = this.valuesByKeyId.get(id);
			return (count != null) ? count : 0;
		}

		@Override
		public String toString() {
			return name() + this.valuesByKeyId + ", plaintext " + this.plaintext + ", unreadable " + this.unreadable;
		}

	}

}
