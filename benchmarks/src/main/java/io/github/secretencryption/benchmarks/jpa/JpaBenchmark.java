package io.github.secretencryption.benchmarks.jpa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import io.github.secretencryption.benchmarks.TestPostgres;
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

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Loads all {@value #ROWS} rows of a table into entities, and saves {@value #ROWS} new
 * entities, with two {@code @Encrypted} attributes ({@code encrypted}) or the same
 * attributes in plaintext ({@code plaintext}), on H2 in memory or on PostgreSQL. Both
 * tables have the same columns, every value a 32-character ASCII secret. The PostgreSQL
 * server is named by {@code SECRET_ENCRYPTION_TEST_POSTGRES_URL}, {@code _USER} and
 * {@code _PASSWORD}, as {@code scripts/postgres.sh} writes them.
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class JpaBenchmark {

	/**
	 * Rows loaded or saved by one operation.
	 */
	public static final int ROWS = 10_000;

	/**
	 * Encrypted attributes of each entity.
	 */
	public static final int ENCRYPTED_ATTRIBUTES = 2;

	private static final long SAVED_IDS = 1_000_000;

	private static final int FLUSH_EVERY = 500;

	@Param({ "h2", "postgresql" })
	public String database;

	@Param({ "encrypted", "plaintext" })
	public String columns;

	private ConfigurableApplicationContext context;

	private EntityManagerFactory entityManagerFactory;

	private Path keyDirectory;

	private Class<? extends Credential> type;

	private Function<Long, Credential> factory;

	private final List<String> secrets = new ArrayList<>();

	@Setup(Level.Trial)
	public void startApplication() throws IOException {
		this.keyDirectory = Files.createTempDirectory("secret-encryption-jpa-benchmark");
		SpringApplication application = new SpringApplication(JpaBenchmarkApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(properties(this.database, this.keyDirectory));
		this.context = application.run();
		this.entityManagerFactory = this.context.getBean(EntityManagerFactory.class);
		boolean encrypted = switch (this.columns) {
			case "encrypted" -> true;
			case "plaintext" -> false;
			default -> throw new IllegalArgumentException("Columns must be encrypted or plaintext");
		};
		this.type = encrypted ? EncryptedCredential.class : PlainCredential.class;
		SecureRandom random = new SecureRandom();
		for (int i = 0; i < 2 * ROWS; i++) {
			this.secrets.add(randomAscii(random, 32));
		}
		this.factory = encrypted ? (id) -> new EncryptedCredential(id, "credential-" + id, secret(id, 0), secret(id, 1))
				: (id) -> new PlainCredential(id, "credential-" + id, secret(id, 0), secret(id, 1));
		deleteAll();
		save(0);
	}

	@TearDown(Level.Trial)
	public void stopApplication() throws IOException {
		deleteAll();
		this.context.close();
		FileSystemUtils.deleteRecursively(this.keyDirectory);
	}

	@TearDown(Level.Invocation)
	public void deleteSaved() {
		inTransaction((entityManager) -> entityManager
			.createQuery("delete from " + this.type.getSimpleName() + " c where c.id >= :first")
			.setParameter("first", SAVED_IDS)
			.executeUpdate());
	}

	@Benchmark
	public List<? extends Credential> load() {
		EntityManager entityManager = this.entityManagerFactory.createEntityManager();
		try {
			List<? extends Credential> loaded = entityManager
				.createQuery("select c from " + this.type.getSimpleName() + " c", this.type)
				.getResultList();
			if (loaded.size() != ROWS) {
				throw new IllegalStateException("Loaded " + loaded.size() + " rows instead of " + ROWS);
			}
			return loaded;
		}
		finally {
			entityManager.close();
		}
	}

	@Benchmark
	public int save() {
		save(SAVED_IDS);
		return ROWS;
	}

	private void save(long firstId) {
		inTransaction((entityManager) -> {
			for (int i = 0; i < ROWS; i++) {
				entityManager.persist(this.factory.apply(firstId + i));
				if ((i + 1) % FLUSH_EVERY == 0) {
					entityManager.flush();
					entityManager.clear();
				}
			}
			return ROWS;
		});
	}

	private void deleteAll() {
		inTransaction((entityManager) -> entityManager.createQuery("delete from " + this.type.getSimpleName())
			.executeUpdate());
	}

	private String secret(long id, int attribute) {
		return this.secrets.get((int) (id % ROWS) * 2 + attribute);
	}

	private <T> T inTransaction(Function<EntityManager, T> work) {
		EntityManager entityManager = this.entityManagerFactory.createEntityManager();
		try {
			entityManager.getTransaction().begin();
			T result = work.apply(entityManager);
			entityManager.getTransaction().commit();
			return result;
		}
		finally {
			if (entityManager.getTransaction().isActive()) {
				entityManager.getTransaction().rollback();
			}
			entityManager.close();
		}
	}

	static Map<String, Object> properties(String database, Path keyDirectory) {
		Map<String, Object> properties = new java.util.HashMap<>();
		properties.put("secret-encryption.key-directory", keyDirectory.toString());
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "warn");
		properties.put("spring.jpa.hibernate.ddl-auto", "update");
		properties.put("spring.jpa.open-in-view", "false");
		// every fork makes new keys for the same database: the key-loss guard would stop
		// it
		properties.put("secret-encryption.key-registry.enabled", "false");
		properties.put("spring.jpa.properties.hibernate.jdbc.batch_size", FLUSH_EVERY);
		switch (database) {
			case "h2" -> properties.put("spring.datasource.url", "jdbc:h2:mem:jpa-benchmark;DB_CLOSE_DELAY=-1");
			case "postgresql" -> {
				properties.put("spring.datasource.url", TestPostgres.url());
				properties.put("spring.datasource.username", TestPostgres.user());
				properties.put("spring.datasource.password", TestPostgres.password());
			}
			default -> throw new IllegalArgumentException("Database must be h2 or postgresql, not '" + database + "'");
		}
		return properties;
	}

	private static String randomAscii(SecureRandom random, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) ('!' + random.nextInt('~' - '!' + 1)));
		}
		return text.toString();
	}

}
