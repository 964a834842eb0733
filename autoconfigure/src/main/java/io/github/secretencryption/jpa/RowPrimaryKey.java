package io.github.secretencryption.jpa;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Finds the primary key of the row an encrypted value was read from, using only the
 * result set: the primary key column of the value's table must be in the same row of the
 * result set, and the value's table must appear exactly once in it. With a self-join, a
 * scalar query that selects no primary key, or a driver that does not report the table of
 * each column, the primary key stays unknown.
 */
final class RowPrimaryKey {

	private static final Log logger = LogFactory.getLog(RowPrimaryKey.class);

	private RowPrimaryKey() {
	}

	static @Nullable String find(ResultSet resultSet, int position, EncryptedColumn column) {
		String primaryKeyColumn = column.primaryKeyColumn();
		if (primaryKeyColumn == null) {
			return null;
		}
		try {
			ResultSetMetaData metaData = resultSet.getMetaData();
			if (!column.table().equals(tableOf(metaData, position))) {
				return null;
			}
			int found = 0;
			int occurrences = 0;
			for (int index = 1; index <= metaData.getColumnCount(); index++) {
				if (!column.table().equals(tableOf(metaData, index))) {
					continue;
				}
				String name = EncryptedColumn.canonical(metaData.getColumnName(index));
				if (name.equals(column.column())) {
					occurrences++;
				}
				if (name.equals(primaryKeyColumn)) {
					found = (found == 0) ? index : -1;
				}
			}
			if (found <= 0 || occurrences != 1) {
				return null;
			}
			return resultSet.getString(found);
		}
		catch (SQLException | RuntimeException ex) {
			if (logger.isDebugEnabled()) {
				logger.debug("Primary key of a row of " + column.table() + " cannot be read from the result set: "
						+ ex.getClass().getSimpleName());
			}
			return null;
		}
	}

	private static String tableOf(ResultSetMetaData metaData, int index) throws SQLException {
		String table = metaData.getTableName(index);
		return (table != null) ? EncryptedColumn.canonical(table) : "";
	}

}
