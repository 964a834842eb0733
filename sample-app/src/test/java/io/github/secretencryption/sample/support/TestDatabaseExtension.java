package io.github.secretencryption.sample.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * Gives a test class databases of its own on H2 or on PostgreSQL. Register it in a
 * {@code static} field with {@code @RegisterExtension}. It creates the class's
 * {@link #database() database} on first use, and after the class, once Spring has closed
 * the class's application context, it drops every database it created.
 * <p>
 * PostgreSQL tests use the server named by {@link PostgreSqlSettings}, in a new schema
 * per database. Without that server they are skipped with the reason, unless a run
 * requires PostgreSQL, in which case they fail.
 */
public final class TestDatabaseExtension implements ExecutionCondition, BeforeAllCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(TestDatabaseExtension.class);

	private static final SecureRandom random = new SecureRandom();

	private final String vendor;

	private final AtomicInteger count = new AtomicInteger();

	private @Nullable TestDatabase database;

	private @Nullable ExtensionContext classContext;

	private TestDatabaseExtension(String vendor) {
		this.vendor = vendor;
	}

	/**
	 * Create an extension for H2 file databases.
	 * @return the extension
	 */
	public static TestDatabaseExtension h2() {
		return new TestDatabaseExtension("h2");
	}

	/**
	 * Create an extension for schemas on the PostgreSQL test server.
	 * @return the extension
	 */
	public static TestDatabaseExtension postgreSql() {
		return new TestDatabaseExtension("postgresql");
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!isPostgreSql()) {
			return ConditionEvaluationResult.enabled("H2 is embedded");
		}
		PostgreSqlSettings settings = PostgreSqlSettings.fromEnvironment();
		if (settings.isConfigured()) {
			return ConditionEvaluationResult.enabled("PostgreSQL test server at " + settings.url());
		}
		if (settings.required()) {
			return ConditionEvaluationResult.enabled("PostgreSQL is required, so a missing server fails the tests");
		}
		return ConditionEvaluationResult.disabled(settings.missingReason());
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (isPostgreSql()) {
			PostgreSqlSettings settings = PostgreSqlSettings.fromEnvironment();
			if (!settings.isConfigured()) {
				throw new IllegalStateException(settings.missingReason() + "; they are required because "
						+ PostgreSqlSettings.REQUIRE_PROPERTY + "=true or CI=true");
			}
		}
		this.classContext = context;
	}

	/**
	 * Return the database of the test class, creating it on first use.
	 * @return the database
	 */
	public synchronized TestDatabase database() {
		if (this.database == null) {
			this.database = createDatabase();
		}
		return this.database;
	}

	/**
	 * Create another empty database, dropped after the test class at the latest.
	 * @return the database
	 */
	public TestDatabase createDatabase() {
		ExtensionContext context = this.classContext;
		if (context == null) {
			throw new IllegalStateException("Databases are created once the test class has started; register the "
					+ "extension in a static field with @RegisterExtension");
		}
		TestDatabase database = isPostgreSql() ? createSchema() : createH2File();
		context.getStore(NAMESPACE).put("database-" + this.count.incrementAndGet(), database);
		return database;
	}

	/**
	 * Point a Spring test context at the {@link #database() database} of the test class.
	 * The values are read when the context starts.
	 * @param registry the registry of the test context
	 */
	public void registerProperties(DynamicPropertyRegistry registry) {
		List<String> names = isPostgreSql()
				? List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
						"spring.flyway.default-schema")
				: List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password");
		for (String name : names) {
			registry.add(name, () -> database().applicationProperties().get(name));
		}
	}

	private boolean isPostgreSql() {
		return this.vendor.equals("postgresql");
	}

	private TestDatabase createH2File() {
		try {
			Path directory = Files.createTempDirectory("patch-manager-h2-");
			String url = "jdbc:h2:file:" + directory.resolve("patch-manager").toAbsolutePath();
			return new TestDatabase("h2", url, "sa", "", null, () -> deleteRecursively(directory));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path directory) {
		try {
			FileSystemUtils.deleteRecursively(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private TestDatabase createSchema() {
		PostgreSqlSettings settings = PostgreSqlSettings.fromEnvironment();
		String serverUrl = settings.url();
		String username = settings.username();
		String password = settings.password();
		if (serverUrl == null || username == null || password == null) {
			throw new IllegalStateException(settings.missingReason());
		}
		byte[] suffix = new byte[6];
		random.nextBytes(suffix);
		String schema = "patch_manager_test_" + HexFormat.of().formatHex(suffix);
		execute(serverUrl, username, password, "CREATE SCHEMA " + schema);
		String url = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
		return new TestDatabase("postgresql", url, username, password, schema,
				() -> execute(serverUrl, username, password, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
	}

	private static void execute(String url, String username, String password, String sql) {
		try (Connection connection = DriverManager.getConnection(url, username, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Unable to run '" + sql + "' on " + url, ex);
		}
	}

}
