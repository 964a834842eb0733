package io.github.secretencryption.sample.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One empty database of its own for a test: an H2 file in a temporary directory, or a new
 * schema on the PostgreSQL test server. Closing it deletes the file or drops the schema.
 */
public final class TestDatabase implements AutoCloseable {

	private final String vendor;

	private final String url;

	private final String username;

	private final String password;

	private final @Nullable String schema;

	private final Runnable cleanup;

	TestDatabase(String vendor, String url, String username, String password, @Nullable String schema,
			Runnable cleanup) {
		this.vendor = vendor;
		this.url = url;
		this.username = username;
		this.password = password;
		this.schema = schema;
		this.cleanup = cleanup;
	}

	/**
	 * Return the vendor, as Spring Boot's Flyway auto-configuration names it in
	 * {@code {vendor}}.
	 * @return {@code h2} or {@code postgresql}
	 */
	public String vendor() {
		return this.vendor;
	}

	public String url() {
		return this.url;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	/**
	 * Return the schema that holds the tables.
	 * @return the schema, or {@code null} for the database's default schema
	 */
	public @Nullable String schema() {
		return this.schema;
	}

	/**
	 * Return the application properties that point the application at this database.
	 * @return the properties
	 */
	public Map<String, String> applicationProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", this.url);
		properties.put("spring.datasource.username", this.username);
		properties.put("spring.datasource.password", this.password);
		if (this.schema != null) {
			properties.put("spring.flyway.default-schema", this.schema);
		}
		return properties;
	}

	/**
	 * Return {@link #applicationProperties()} as command line arguments, which take
	 * precedence over {@code application.properties}.
	 * @return the arguments
	 */
	public List<String> commandLineArguments() {
		List<String> arguments = new ArrayList<>();
		applicationProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
		return arguments;
	}

	/**
	 * Return the command line of {@code migrate-secrets} on this database with a key
	 * directory, followed by more arguments.
	 * @param keys the key directory
	 * @param extra the arguments that follow
	 * @return a mutable list of the arguments
	 */
	public List<String> migrateSecrets(Path keys, String... extra) {
		List<String> arguments = new ArrayList<>();
		arguments.add("migrate-secrets");
		arguments.addAll(commandLineArguments());
		arguments.add("--secret-encryption.key-directory=" + keys);
		arguments.addAll(List.of(extra));
		return arguments;
	}

	/**
	 * Return a client that reads and writes this database directly, bypassing the
	 * application.
	 * @return the client
	 */
	public JdbcClient jdbcClient() {
		return JdbcClient.create(new DriverManagerDataSource(this.url, this.username, this.password));
	}

	@Override
	public void close() {
		this.cleanup.run();
	}

	@Override
	public String toString() {
		return "TestDatabase[" + this.url + "]";
	}

}
