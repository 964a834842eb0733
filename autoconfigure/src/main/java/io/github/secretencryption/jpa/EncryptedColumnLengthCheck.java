package io.github.secretencryption.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Warns about encrypted columns that are too short for the encrypted form of the longest
 * plaintext their attribute may hold. The longest plaintext comes from
 * {@code @Size(max = ...)} or {@code @Encrypted(maxLength = ...)}; a column without
 * either is not checked. The column's size comes from the database's metadata.
 *
 * @since 0.1.0
 */
public final class EncryptedColumnLengthCheck {

	private static final Log logger = LogFactory.getLog(EncryptedColumnLengthCheck.class);

	private EncryptedColumnLengthCheck() {
	}

	/**
	 * Check the columns and log one warning for each that is too short.
	 * @param dataSource the database
	 * @param columns the encrypted columns
	 * @return the warnings
	 * @throws SQLException if the metadata cannot be read
	 */
	public static List<String> check(DataSource dataSource, List<EncryptedColumn> columns) throws SQLException {
		List<String> warnings = new ArrayList<>();
		if (columns.stream().allMatch((column) -> column.maxLength() < 0)) {
			return warnings;
		}
		try (Connection connection = dataSource.getConnection()) {
			for (EncryptedColumn column : columns) {
				long needed = column.maxStoredLength();
				if (needed < 0) {
					continue;
				}
				long size = ColumnSizes.find(connection, column.table(), column.column());
				if (size == ColumnSizes.UNKNOWN) {
					logger.debug("Length of encrypted column " + column.table() + "." + column.column()
							+ " is not shown by the database's metadata; not checked");
				}
				else if (size < needed) {
					String warning = "Encrypted attribute " + column.entity() + "." + column.attribute() + " may hold "
							+ column.maxLength() + " characters, whose encrypted form needs up to " + needed
							+ " characters, but column " + column.table() + "." + column.column() + " holds " + size
							+ "; widen the column to at least " + needed
							+ " characters (text on PostgreSQL), or writes of long values will fail";
					logger.warn(warning);
					warnings.add(warning);
				}
			}
		}
		return warnings;
	}

}
