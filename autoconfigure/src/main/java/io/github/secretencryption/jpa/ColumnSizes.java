package io.github.secretencryption.jpa;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Reads how many characters a column holds from the database's own metadata
 * ({@link DatabaseMetaData#getColumns}), in the schema of the connection.
 *
 * @since 0.1.0
 */
public final class ColumnSizes {

	/**
	 * Size of a column whose values have no practical limit: {@code text}, {@code CLOB}
	 * and their kin.
	 */
	public static final long UNLIMITED = Long.MAX_VALUE;

	/**
	 * Size of a column that the metadata does not show.
	 */
	public static final long UNKNOWN = -1;

	private ColumnSizes() {
	}

	/**
	 * Return how many characters a column holds.
	 * @param connection a connection to the database
	 * @param table the table name, in any case
	 * @param column the column name, in any case
	 * @return the size, {@link #UNLIMITED} or {@link #UNKNOWN}
	 * @throws SQLException if the metadata cannot be read
	 */
	public static long find(Connection connection, String table, String column) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String schema = schemaOf(connection);
		for (String[] names : spellings(metaData, table, column)) {
			try (ResultSet rs = metaData.getColumns(connection.getCatalog(), schema, names[0], names[1])) {
				while (rs.next()) {
					if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)
							&& rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
						return sizeOf(rs.getInt("DATA_TYPE"), rs.getLong("COLUMN_SIZE"));
					}
				}
			}
		}
		return UNKNOWN;
	}

	private static @Nullable String schemaOf(Connection connection) {
		try {
			return connection.getSchema();
		}
		catch (SQLException | AbstractMethodError ex) {
			return null;
		}
	}

	private static List<String[]> spellings(DatabaseMetaData metaData, String table, String column)
			throws SQLException {
		List<String[]> spellings = new ArrayList<>();
		if (metaData.storesUpperCaseIdentifiers()) {
			spellings.add(new String[] { table.toUpperCase(Locale.ROOT), column.toUpperCase(Locale.ROOT) });
		}
		else if (metaData.storesLowerCaseIdentifiers()) {
			spellings.add(new String[] { table.toLowerCase(Locale.ROOT), column.toLowerCase(Locale.ROOT) });
		}
		String[] asGiven = { table, column };
		if (spellings.isEmpty() || !Arrays.equals(spellings.get(0), asGiven)) {
			spellings.add(asGiven);
		}
		return spellings;
	}

	private static long sizeOf(int dataType, long columnSize) {
		if (dataType == Types.CLOB || dataType == Types.NCLOB || dataType == Types.LONGVARCHAR
				|| dataType == Types.LONGNVARCHAR || columnSize <= 0 || columnSize >= Integer.MAX_VALUE) {
			return UNLIMITED;
		}
		return columnSize;
	}

}
