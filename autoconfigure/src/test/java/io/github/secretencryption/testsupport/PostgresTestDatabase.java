package io.github.secretencryption.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL server that {@code scripts/test.sh} starts, described by the environment
 * variables {@code SECRET_ENCRYPTION_TEST_POSTGRES_URL}, {@code _USER} and
 * {@code _PASSWORD}. Tests that need it are skipped with a reason when it is absent,
 * unless the system property {@code secret-encryption.test.require-postgres} is
 * {@code true} or the environment variable {@code CI} is {@code true}, in which case they
 * fail.
 */
public final class PostgresTestDatabase implements ExecutionCondition {

	private static final String URL = System.getenv("SECRET_ENCRYPTION_TEST_POSTGRES_URL");

	private static final String USER = System.getenv("SECRET_ENCRYPTION_TEST_POSTGRES_USER");

	private static final String PASSWORD = System.getenv("SECRET_ENCRYPTION_TEST_POSTGRES_PASSWORD");

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (isAvailable()) {
			return ConditionEvaluationResult.enabled("PostgreSQL at " + URL);
		}
		if (isRequired()) {
			throw new IllegalStateException(
					"PostgreSQL tests are required here but SECRET_ENCRYPTION_TEST_POSTGRES_URL "
							+ "is not set; run the tests through ./scripts/test.sh");
		}
		return ConditionEvaluationResult.disabled("PostgreSQL tests skipped: SECRET_ENCRYPTION_TEST_POSTGRES_URL is "
				+ "not set; run ./scripts/test.sh to start a throwaway PostgreSQL and enable them");
	}

	/**
	 * Whether the PostgreSQL server is configured.
	 * @return {@code true} if the environment names a server
	 */
	public static boolean isAvailable() {
		return URL != null && !URL.isBlank();
	}

	private static boolean isRequired() {
		return Boolean.getBoolean("secret-encryption.test.require-postgres")
				|| "true".equalsIgnoreCase(System.getenv("CI"));
	}

	/**
	 * Create a fresh schema and register a data source that uses it.
	 * @param registry the registry of the test context
	 * @param prefix prefix of the schema name
	 * @return the schema name
	 */
	public static String registerFreshSchema(DynamicPropertyRegistry registry, String prefix) {
		java.util.Map<String, String> properties = freshSchema(prefix);
		properties.forEach((name, value) -> registry.add(name, () -> value));
		String url = properties.get("spring.datasource.url");
		return url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
	}

	/**
	 * Create a fresh schema and return the data source properties that use it.
	 * @param prefix prefix of the schema name
	 * @return the {@code spring.datasource.*} properties
	 */
	public static java.util.Map<String, String> freshSchema(String prefix) {
		String schema = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
			.toLowerCase(Locale.ROOT);
		try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("create schema " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create schema " + schema + " on " + URL, ex);
		}
		String separator = URL.contains("?") ? "&" : "?";
		java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
		properties.put("spring.datasource.url", URL + separator + "currentSchema=" + schema);
		properties.put("spring.datasource.username", USER);
		properties.put("spring.datasource.password", PASSWORD);
		return properties;
	}

	/**
	 * Create a fresh schema and return a data source that opens a new connection to it
	 * for each use.
	 * @param prefix prefix of the schema name
	 * @return the data source
	 */
	public static DataSource freshDataSource(String prefix) {
		java.util.Map<String, String> properties = freshSchema(prefix);
		return new DriverManagerDataSource(properties.get("spring.datasource.url"),
				properties.get("spring.datasource.username"), properties.get("spring.datasource.password"));
	}

}
