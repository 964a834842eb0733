package io.github.secretencryption.sample.support;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Connection settings of the PostgreSQL server that database tests run against, read from
 * {@code SECRET_ENCRYPTION_TEST_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD}, and
 * whether a run must have them: it must when the system property
 * {@value #REQUIRE_PROPERTY} is {@code true} or the environment variable {@code CI} is
 * {@code true}.
 *
 * @param url JDBC URL, or {@code null} if not set
 * @param username user name, or {@code null} if not set
 * @param password password, or {@code null} if not set
 * @param required whether tests must fail rather than skip without a server
 */
public record PostgreSqlSettings(@Nullable String url, @Nullable String username, @Nullable String password,
		boolean required) {

	/**
	 * System property that makes PostgreSQL required.
	 */
	public static final String REQUIRE_PROPERTY = "secret-encryption.test.require-postgres";

	static final String URL_VARIABLE = "SECRET_ENCRYPTION_TEST_POSTGRES_URL";

	static final String USER_VARIABLE = "SECRET_ENCRYPTION_TEST_POSTGRES_USER";

	static final String PASSWORD_VARIABLE = "SECRET_ENCRYPTION_TEST_POSTGRES_PASSWORD";

	/**
	 * Read the settings of this JVM.
	 * @return the settings
	 */
	public static PostgreSqlSettings fromEnvironment() {
		return of(System::getenv, System::getProperty);
	}

	static PostgreSqlSettings of(Function<String, @Nullable String> environment,
			Function<String, @Nullable String> systemProperties) {
		boolean required = isTrue(systemProperties.apply(REQUIRE_PROPERTY)) || isTrue(environment.apply("CI"));
		return new PostgreSqlSettings(blankToNull(environment.apply(URL_VARIABLE)),
				blankToNull(environment.apply(USER_VARIABLE)), blankToNull(environment.apply(PASSWORD_VARIABLE)),
				required);
	}

	static PostgreSqlSettings of(Map<String, String> environment, Map<String, String> systemProperties) {
		return of(environment::get, systemProperties::get);
	}

	private static boolean isTrue(@Nullable String value) {
		return value != null && (value.toLowerCase(Locale.ROOT).equals("true") || value.equals("1"));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value != null && !value.isBlank()) ? value : null;
	}

	/**
	 * Whether every connection setting is present.
	 * @return {@code true} if tests can connect
	 */
	public boolean isConfigured() {
		return this.url != null && this.username != null && this.password != null;
	}

	/**
	 * Explain why PostgreSQL tests cannot run.
	 * @return the reason
	 */
	public String missingReason() {
		return "PostgreSQL tests need " + URL_VARIABLE + ", " + USER_VARIABLE + " and " + PASSWORD_VARIABLE
				+ " (scripts/test.sh sets them)";
	}

	@Override
	public String toString() {
		return "PostgreSqlSettings[url=" + this.url + ", username=" + this.username + ", required=" + this.required
				+ "]";
	}

}
