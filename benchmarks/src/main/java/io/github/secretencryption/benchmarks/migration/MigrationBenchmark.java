package io.github.secretencryption.benchmarks.migration;

import java.io.OutputStream;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.secretencryption.benchmarks.TestPostgres;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jpa.EncryptedColumn;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyRing;
import io.github.secretencryption.migration.ColumnMigration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rewrites all {@value #ROWS} values of a table's secret column once per invocation: with
 * {@code migrate-secrets}' {@link ColumnMigration} (read in batches by primary key,
 * encrypt, write back conditionally on the value read, one transaction per batch), or
 * with the baseline, a plain JDBC loop that reads the same batches by primary key and
 * writes each with a batch {@code UPDATE ... WHERE id = ?}, without encryption or
 * condition, in as many transactions. Both use batches of {@value #BATCH_SIZE} rows, the
 * command's default. Before each invocation the table is filled again with 32-character
 * plaintext secrets.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class MigrationBenchmark {

	/**
	 * Rows rewritten by one invocation.
	 */
	public static final int ROWS = 100_000;

	/**
	 * Rows per batch and transaction.
	 */
	public static final int BATCH_SIZE = 500;

	private static final String TABLE = "migration_benchmark";

	@Param({ "postgresql", "h2" })
	public String database;

	private HikariDataSource dataSource;

	private AesGcmEncryptor encryptor;

	private EncryptedColumn column;

	private final List<String> secrets = new ArrayList<>();

	@Setup(Level.Trial)
	public void createTable() throws SQLException {
		HikariConfig config = new HikariConfig();
		switch (this.database) {
			case "h2" -> config.setJdbcUrl("jdbc:h2:mem:migration-benchmark;DB_CLOSE_DELAY=-1");
			case "postgresql" -> {
				config.setJdbcUrl(TestPostgres.url());
				config.setUsername(TestPostgres.user());
				config.setPassword(TestPostgres.password());
			}
			default ->
				throw new IllegalArgumentException("Database must be h2 or postgresql, not '" + this.database + "'");
		}
		config.setMaximumPoolSize(2);
		this.dataSource = new HikariDataSource(config);
		byte[] key = new byte[32];
		SecureRandom random = new SecureRandom();
		random.nextBytes(key);
		this.encryptor = new AesGcmEncryptor(KeyRing.of(List.of(new EncryptionKey("secret-encryption", key, null))));
		this.column = new EncryptedColumn("Credential", "secret", TABLE, "secret", "secret-encryption",
				EncryptedColumn.canonicalAssociatedData(TABLE, "secret"), "id");
		for (int i = 0; i < ROWS; i++) {
			StringBuilder secret = new StringBuilder(32);
			for (int c = 0; c < 32; c++) {
				secret.append((char) ('!' + random.nextInt(94)));
			}
			this.secrets.add(secret.toString());
		}
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS " + TABLE);
			statement.execute("CREATE TABLE " + TABLE + " (id bigint PRIMARY KEY, secret text)");
		}
	}

	@Setup(Level.Invocation)
	public void fillTable() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("DELETE FROM " + TABLE);
			}
			try (PreparedStatement insert = connection
				.prepareStatement("INSERT INTO " + TABLE + " (id, secret) VALUES (?, ?)")) {
				for (int i = 0; i < ROWS; i++) {
					insert.setLong(1, i + 1);
					insert.setString(2, this.secrets.get(i));
					insert.addBatch();
					if ((i + 1) % 1000 == 0) {
						insert.executeBatch();
					}
				}
				insert.executeBatch();
			}
			connection.commit();
			if (this.database.equals("postgresql")) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("VACUUM ANALYZE " + TABLE);
				}
			}
		}
	}

	@TearDown(Level.Trial)
	public void dropTable() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE " + TABLE);
		}
		this.dataSource.close();
	}

	@Benchmark
	public long migrateSecrets() throws SQLException {
		ColumnMigration migration = new ColumnMigration(this.dataSource, BATCH_SIZE, Duration.ofDays(1), false,
				new PrintStream(OutputStream.nullOutputStream()));
		ColumnMigration.Result result = migration.migrate(this.column, (value) -> AesGcmEncryptor.isEncrypted(value)
				? null : this.encryptor.encrypt("secret-encryption", value, this.column.associatedDataBytes()));
		return check(result.changed());
	}

	@Benchmark
	public long jdbcBatchUpdate() throws SQLException {
		long written = 0;
		long after = 0;
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement select = connection.prepareStatement("SELECT id, secret FROM " + TABLE
					+ " WHERE id > ? ORDER BY id FETCH FIRST " + BATCH_SIZE + " ROWS ONLY");
					PreparedStatement update = connection
						.prepareStatement("UPDATE " + TABLE + " SET secret = ? WHERE id = ?")) {
				while (true) {
					select.setLong(1, after);
					int rows = 0;
					try (ResultSet result = select.executeQuery()) {
						while (result.next()) {
							after = result.getLong(1);
							update.setString(1, result.getString(2) + "-rewritten");
							update.setLong(2, after);
							update.addBatch();
							rows++;
						}
					}
					if (rows == 0) {
						break;
					}
					for (int count : update.executeBatch()) {
						written += (count == Statement.SUCCESS_NO_INFO) ? 1 : count;
					}
					connection.commit();
				}
			}
		}
		return check(written);
	}

	private static long check(long written) {
		if (written != ROWS) {
			throw new IllegalStateException("Wrote " + written + " rows instead of " + ROWS);
		}
		return written;
	}

}
