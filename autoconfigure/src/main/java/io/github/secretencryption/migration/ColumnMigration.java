package io.github.secretencryption.migration;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.secretencryption.jpa.EncryptedColumn;
import io.github.secretencryption.migration.ColumnReader.StoredValue;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites the values of encrypted columns in batches ordered by primary key. Each batch
 * is read, transformed and written back in its own transaction, and every write is
 * conditional on the value read ({@code ... where pk = ? and column = <value read>}), so
 * a value changed by the application in the meantime is left as the application wrote it.
 * A run can be stopped at any moment and run again: values that need no change are
 * skipped.
 *
 * @since 0.1.0
 */
public final class ColumnMigration {

	private final ColumnReader reader;

	private final Duration progressInterval;

	private final boolean dryRun;

	private final PrintStream out;

	/**
	 * Create a migration.
	 * @param dataSource the database
	 * @param batchSize how many rows one transaction reads and writes
	 * @param progressInterval how often a column's progress is printed
	 * @param dryRun whether to count the changes without writing them
	 * @param out where progress and the summary go
	 */
	public ColumnMigration(DataSource dataSource, int batchSize, Duration progressInterval, boolean dryRun,
			PrintStream out) {
		if (batchSize < 1) {
			throw new IllegalArgumentException(
					"secret-encryption.migration.batch-size must be at least 1, not " + batchSize);
		}
		if (progressInterval.isNegative()) {
			throw new IllegalArgumentException(
					"secret-encryption.migration.progress-interval must not be negative, not " + progressInterval);
		}
		this.reader = new ColumnReader(dataSource, batchSize);
		this.progressInterval = progressInterval;
		this.dryRun = dryRun;
		this.out = out;
	}

	/**
	 * Migrate one column.
	 * @param column the column
	 * @param change returns the new value for a stored value, or {@code null} to leave
	 * it; throws {@link ValueProblem} for a value that cannot be handled
	 * @return the counts of the run
	 * @throws SQLException on a database error; batches committed before stay committed
	 */
	public Result migrate(EncryptedColumn column, Function<String, @Nullable String> change) throws SQLException {
		String name = column.table() + "." + column.column();
		String pk = column.primaryKeyColumn();
		if (pk == null) {
			this.out.println("[SKIP] " + name + ": entity " + column.entity()
					+ " has a composite primary key, which migrations do not support; migrate it by hand");
			return new Result(name, 0, 0, 0, 0, List.of(), true);
		}
		long total = this.reader.count(column);
		this.out.println(name + ": checking " + total + " values");
		Progress progress = new Progress(name, total, this.progressInterval.toNanos(), this.out);
		long changed = 0;
		long unchanged = 0;
		long conflicts = 0;
		List<String> problems = new ArrayList<>();
		Object after = null;
		while (true) {
			List<StoredValue> rows = this.reader.readBatch(column, pk, after);
			if (rows.isEmpty()) {
				break;
			}
			List<Row> updates = new ArrayList<>();
			for (StoredValue row : rows) {
				try {
					String replacement = change.apply(row.value());
					if (replacement == null) {
						unchanged++;
					}
					else {
						updates.add(new Row(row.key(), row.value(), replacement));
					}
				}
				catch (ValueProblem ex) {
					problems.add(name + " primary key " + row.key() + ": " + ex.getMessage());
				}
			}
			int written = this.dryRun ? updates.size() : write(column, pk, updates);
			changed += written;
			conflicts += updates.size() - written;
			after = rows.get(rows.size() - 1).key();
			progress.advance(rows.size());
		}
		Result result = new Result(name, total, changed, unchanged, conflicts, problems, false);
		this.out.println(result.summary(this.dryRun));
		problems.forEach((problem) -> this.out.println("[FAIL] " + problem));
		return result;
	}

	private int write(EncryptedColumn column, String pk, List<Row> updates) throws SQLException {
		if (updates.isEmpty()) {
			return 0;
		}
		String sql = "update " + column.table() + " set " + column.column() + " = ? where " + pk + " = ? and "
				+ column.column() + " = ?";
		try (Connection connection = this.reader.getDataSource().getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				for (Row row : updates) {
					statement.setString(1, row.replacement());
					statement.setObject(2, row.key());
					statement.setString(3, row.value());
					statement.addBatch();
				}
				int written = 0;
				for (int count : statement.executeBatch()) {
					written += (count == PreparedStatement.SUCCESS_NO_INFO) ? 1 : count;
				}
				connection.commit();
				return written;
			}
			catch (SQLException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
	}

	private record Row(Object key, String value, String replacement) {

	}

	/**
	 * Thrown by a change function for a value it cannot handle; the value is left as it
	 * is and reported with its primary key. The message must not contain the value.
	 */
	public static final class ValueProblem extends RuntimeException {

		private static final long serialVersionUID = 1L;

		/**
		 * Create a new instance.
		 * @param message what is wrong, without the value
		 */
		public ValueProblem(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * Counts of one column's migration.
	 *
	 * @param column {@code table.column}
	 * @param total values found when the run started
	 * @param changed values rewritten (or, in a dry run, that would be)
	 * @param unchanged values that needed no change
	 * @param conflicts values changed by someone else between read and write, left as
	 * they are
	 * @param problems values that could not be handled, by primary key
	 * @param skipped whether the column was skipped
	 */
	public record Result(String column, long total, long changed, long unchanged, long conflicts, List<String> problems,
			boolean skipped) {

		String summary(boolean dryRun) {
			return "[" + (this.problems.isEmpty() ? "OK" : "FAIL") + "] " + this.column + ": " + this.total
					+ " values, " + this.changed + (dryRun ? " to change" : " changed") + ", " + this.unchanged
					+ " already done, " + this.conflicts + " changed meanwhile and left, " + this.problems.size()
					+ " failed";
		}

	}

	/**
	 * Prints rows done, total, rate and time left at most every few seconds.
	 */
	private static final class Progress {

		private final long intervalNanos;

		private final String column;

		private final long total;

		private final PrintStream out;

		private final long start = System.nanoTime();

		private long last = this.start;

		private long done;

		Progress(String column, long total, long intervalNanos, PrintStream out) {
			this.column = column;
			this.intervalNanos = intervalNanos;
			this.total = total;
			this.out = out;
		}

		void advance(int rows) {
			this.done += rows;
			long now = System.nanoTime();
			if (now - this.last < this.intervalNanos) {
				return;
			}
			this.last = now;
			double seconds = (now - this.start) / 1e9;
			double rate = this.done / seconds;
			long left = Math.max(0, this.total - this.done);
			this.out.printf("%s: %d/%d rows, %.0f rows/s, about %.0f s left%n", this.column, this.done, this.total,
					rate, (rate > 0) ? left / rate : 0);
		}

	}

}
