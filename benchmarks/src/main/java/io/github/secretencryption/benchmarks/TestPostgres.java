package io.github.secretencryption.benchmarks;

/**
 * The throwaway PostgreSQL server that {@code scripts/postgres.sh start} started, as its
 * environment variables name it.
 *
 * @since 0.1.0
 */
public final class TestPostgres {

	private TestPostgres() {
	}

	/**
	 * Return the JDBC URL of the server.
	 * @return the URL
	 */
	public static String url() {
		return required("SECRET_ENCRYPTION_TEST_POSTGRES_URL");
	}

	/**
	 * Return the user name.
	 * @return the user
	 */
	public static String user() {
		return required("SECRET_ENCRYPTION_TEST_POSTGRES_USER");
	}

	/**
	 * Return the password.
	 * @return the password
	 */
	public static String password() {
		return required("SECRET_ENCRYPTION_TEST_POSTGRES_PASSWORD");
	}

	private static String required(String name) {
		String value = System.getenv(name);
		if (value == null || value.isEmpty()) {
			throw new IllegalStateException(name + " is not set; start a server with scripts/postgres.sh start");
		}
		return value;
	}

}
