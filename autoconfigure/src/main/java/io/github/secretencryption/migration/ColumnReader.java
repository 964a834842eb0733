package io.github.secretencryption.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.secretencryption.jpa.EncryptedColumn;
import org.jspecify.annotations.Nullable;

/**
 * Reads the non-null values of an encrypted column with their primary keys, in batches
 * ordered by primary key, each batch in a query of its own, so that no read holds a
 * transaction or a cursor open for long.
 */
final class ColumnReader {

	private final DataSource dataSource;

	private final int batchSize;

	ColumnReader(DataSource dataSource, int batchSize) {
		this.dataSource = dataSource;
		this.batchSize = batchSize;
	}

	DataSource getDataSource() {
		return this.dataSource;
	}

	/**
	 * Count the non-null values of a column.
	 */
	long count(EncryptedColumn column) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(
						"select count(*) from " + column.table() + " where " + column.column() + " is not null");
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * Read the next batch of values whose primary key comes after {@code after}, or the
	 * first batch when {@code after} is {@code null}.
	 */
	List<StoredValue> readBatch(EncryptedColumn column, String primaryKeyColumn, @Nullable Object after)
			throws SQLException {
		String sql = "select " + primaryKeyColumn + ", " + column.column() + " from " + column.table() + " where "
				+ column.column() + " is not null" + ((after != null) ? " and " + primaryKeyColumn + " > ?" : "")
				+ " order by " + primaryKeyColumn;
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setMaxRows(this.batchSize);
			statement.setFetchSize(this.batchSize);
			if (after != null) {
				statement.setObject(1, after);
			}
			List<StoredValue> values = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					values.add(new StoredValue(rs.getObject(1), rs.getString(2)));
				}
			}
			return values;
		}
	}

	/**
	 * Hand every value of a column to a consumer, batch by batch. A column of an entity
	 * with a composite primary key, which has no single column to order by, is read in
	 * one query instead, its rows fetched a batch at a time.
	 */
	void forEach(EncryptedColumn column, ValueConsumer consumer) throws SQLException {
		String primaryKeyColumn = column.primaryKeyColumn();
		if (primaryKeyColumn == null) {
			readAtOnce(column, consumer);
			return;
		}
		Object after = null;
		while (true) {
			List<StoredValue> values = readBatch(column, primaryKeyColumn, after);
			if (values.isEmpty()) {
				return;
			}
			consumer.accept(values);
			after = values.get(values.size() - 1).key();
		}
	}

	private void readAtOnce(EncryptedColumn column, ValueConsumer consumer) throws SQLException {
		String sql = "select " + column.column() + " from " + column.table() + " where " + column.column()
				+ " is not null";
		try (Connection connection = this.dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			// PostgreSQL fetches a batch at a time only inside a transaction
			connection.setAutoCommit(false);
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				statement.setFetchSize(this.batchSize);
				List<StoredValue> values = new ArrayList<>();
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						values.add(new StoredValue(null, rs.getString(1)));
						if (values.size() == this.batchSize) {
							consumer.accept(values);
							values = new ArrayList<>();
						}
					}
				}
				if (!values.isEmpty()) {
					consumer.accept(values);
				}
				connection.commit();
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
	}

	/**
	 * One stored value and the primary key of its row.
	 *
	 * @param key the primary key, or {@code null} when the column is read without it
	 * @param value the stored value
	 */
	record StoredValue(@Nullable Object key, String value) {

	}

	/**
	 * Receives the values of a column a batch at a time.
	 */
	@FunctionalInterface
	interface ValueConsumer {

		void accept(List<StoredValue> values) throws SQLException;

	}

}
