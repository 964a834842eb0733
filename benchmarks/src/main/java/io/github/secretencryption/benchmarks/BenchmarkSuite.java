package io.github.secretencryption.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.secretencryption.benchmarks.crypto.FieldEncryptionBenchmark;
import io.github.secretencryption.benchmarks.jpa.JpaBenchmark;
import io.github.secretencryption.benchmarks.migration.MigrationBenchmark;
import io.github.secretencryption.benchmarks.startup.StartupBenchmark;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the field encryption, JPA, migration and start-up benchmarks in one go and writes
 * their results as Markdown tables of times and ratios.
 * <p>
 * Arguments, all optional:
 * <ul>
 * <li>{@code --only crypto,jpa,migration,startup}: the parts to run (default: all)</li>
 * <li>{@code --databases h2,postgresql}: databases of the JPA and migration parts
 * (default: H2, and PostgreSQL when {@code SECRET_ENCRYPTION_TEST_POSTGRES_URL} is
 * set)</li>
 * <li>{@code --forks N}: JMH forks of each benchmark (default: 3)</li>
 * <li>{@code --startup-rounds N}: counted launches of each start-up application (default:
 * 10)</li>
 * <li>{@code --quick}: one fork and short iterations, to check that everything runs; its
 * numbers mean little</li>
 * <li>{@code --output DIR}: where to write {@code results.md} and JMH's JSON files
 * (default: {@code target/benchmark-results})</li>
 * <li>{@code --update-doc FILE}: also replace the results section of this Markdown file
 * between {@value #BEGIN_MARKER} and {@value #END_MARKER}</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class BenchmarkSuite {

	/**
	 * Line before the results in a document that shows them.
	 */
	public static final String BEGIN_MARKER = "<!-- benchmark results: begin -->";

	/**
	 * Line after the results in a document that shows them.
	 */
	public static final String END_MARKER = "<!-- benchmark results: end -->";

	private final Options options;

	private BenchmarkSuite(Options options) {
		this.options = options;
	}

	public static void main(String[] args) throws Exception {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("BenchmarkSuite: " + ex.getMessage());
			System.exit(2);
			return;
		}
		new BenchmarkSuite(options).run();
	}

	private void run() throws IOException, InterruptedException, RunnerException {
		Files.createDirectories(this.options.output);
		String loadBefore = Machine.loadAverage();
		long started = System.nanoTime();
		Collection<RunResult> crypto = this.options.parts.contains("crypto") ? runCrypto() : List.of();
		Collection<RunResult> jpa = this.options.parts.contains("jpa") ? runJpa() : List.of();
		Collection<RunResult> migration = this.options.parts.contains("migration") ? runMigration() : List.of();
		StartupBenchmark.Result startup = this.options.parts.contains("startup")
				? new StartupBenchmark(this.options.quick ? 1 : 2, this.options.quick ? 3 : this.options.startupRounds)
					.run()
				: null;
		long minutes = Math.round((System.nanoTime() - started) / 60e9);
		Report report = new Report(crypto, jpa, migration, startup);
		StringBuilder markdown = new StringBuilder();
		markdown.append("Measured on ")
			.append(OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
			.append(" in ")
			.append(minutes)
			.append(" minutes")
			.append(this.options.quick ? ", with `--quick` (one fork, short iterations: not for comparison)" : "")
			.append(".\n\n");
		markdown.append(Machine.describe(loadBefore, Machine.loadAverage())).append('\n');
		markdown.append(report.toMarkdown());
		Path results = this.options.output.resolve("results.md");
		Files.writeString(results, markdown, StandardCharsets.UTF_8);
		System.out.println("Results written to " + results);
		if (this.options.documentToUpdate != null) {
			updateDocument(this.options.documentToUpdate, markdown.toString());
			System.out.println("Results copied into " + this.options.documentToUpdate);
		}
	}

	private Collection<RunResult> runCrypto() throws RunnerException {
		ChainedOptionsBuilder builder = jmhOptions(FieldEncryptionBenchmark.class, "crypto.json")
			.addProfiler(GCProfiler.class)
			.addProfiler(CpuTimeProfiler.class);
		return new Runner(builder.build()).run();
	}

	private Collection<RunResult> runJpa() throws RunnerException {
		ChainedOptionsBuilder builder = jmhOptions(JpaBenchmark.class, "jpa.json")
			.param("database", this.options.databases.toArray(String[]::new))
			.addProfiler(CpuTimeProfiler.class);
		return new Runner(builder.build()).run();
	}

	private Collection<RunResult> runMigration() throws RunnerException {
		ChainedOptionsBuilder builder = jmhOptions(MigrationBenchmark.class, "migration.json").param("database",
				this.options.databases.toArray(String[]::new));
		return new Runner(builder.build()).run();
	}

	private ChainedOptionsBuilder jmhOptions(Class<?> benchmark, String resultFile) {
		ChainedOptionsBuilder builder = new OptionsBuilder().include(Pattern.quote(benchmark.getName()) + "\\..*")
			.shouldFailOnError(true)
			.result(this.options.output.resolve(resultFile).toString())
			.resultFormat(ResultFormatType.JSON);
		if (this.options.quick) {
			builder.forks(1)
				.warmupIterations(1)
				.warmupTime(TimeValue.seconds(1))
				.measurementIterations(2)
				.measurementTime(TimeValue.seconds(1));
		}
		else if (this.options.forks > 0) {
			builder.forks(this.options.forks);
		}
		return builder;
	}

	private static void updateDocument(Path document, String results) throws IOException {
		String text = Files.readString(document, StandardCharsets.UTF_8);
		int begin = text.indexOf(BEGIN_MARKER);
		int end = text.indexOf(END_MARKER);
		if (begin < 0 || end < begin) {
			throw new IllegalStateException(document + " lacks the lines " + BEGIN_MARKER + " and " + END_MARKER);
		}
		String updated = text.substring(0, begin + BEGIN_MARKER.length()) + "\n\n" + results + "\n"
				+ text.substring(end);
		Files.writeString(document, updated, StandardCharsets.UTF_8);
	}

	private static final List<String> PARTS = List.of("crypto", "jpa", "migration", "startup");

	private static final List<String> DATABASES = List.of("h2", "postgresql");

	private record Options(List<String> parts, List<String> databases, int forks, int startupRounds, boolean quick,
			Path output, Path documentToUpdate) {

		static Options parse(String[] args) {
			List<String> parts = PARTS;
			List<String> databases = new ArrayList<>(List.of("h2"));
			String postgresUrl = System.getenv("SECRET_ENCRYPTION_TEST_POSTGRES_URL");
			if (postgresUrl != null && !postgresUrl.isEmpty()) {
				databases.add("postgresql");
			}
			int forks = 0;
			int startupRounds = 10;
			boolean quick = false;
			Path output = Path.of("target", "benchmark-results");
			Path document = null;
			Map<String, String> values = new LinkedHashMap<>();
			for (int i = 0; i < args.length; i++) {
				if (args[i].equals("--quick")) {
					quick = true;
				}
				else if (args[i].startsWith("--") && i + 1 < args.length) {
					values.put(args[i], args[++i]);
				}
				else {
					throw new IllegalArgumentException("Unknown argument '" + args[i] + "'");
				}
			}
			for (Map.Entry<String, String> entry : values.entrySet()) {
				String value = entry.getValue();
				switch (entry.getKey()) {
					case "--only" -> parts = subset("--only", value, PARTS);
					case "--databases" -> databases = subset("--databases", value, DATABASES);
					case "--forks" -> forks = positive("--forks", value);
					case "--startup-rounds" -> startupRounds = positive("--startup-rounds", value);
					case "--output" -> output = Path.of(value);
					case "--update-doc" -> document = Path.of(value);
					default -> throw new IllegalArgumentException("Unknown argument '" + entry.getKey() + "'");
				}
			}
			return new Options(parts, databases, forks, startupRounds, quick, output, document);
		}

		private static List<String> subset(String option, String value, List<String> allowed) {
			List<String> chosen = List.of(value.split(","));
			for (String item : chosen) {
				if (!allowed.contains(item)) {
					throw new IllegalArgumentException(option + " takes a comma-separated subset of "
							+ String.join(",", allowed) + ", not '" + value + "'");
				}
			}
			return chosen;
		}

		private static int positive(String option, String value) {
			try {
				int number = Integer.parseInt(value);
				if (number > 0) {
					return number;
				}
			}
			catch (NumberFormatException ex) {
				// Reported below
			}
			throw new IllegalArgumentException(option + " takes a whole number of at least 1, not '" + value + "'");
		}

	}

	/**
	 * Reads a score and its error from a JMH result.
	 * @param result the result
	 * @return the estimate
	 */
	static Estimate estimate(Result<?> result) {
		return new Estimate(result.getScore(), result.getScoreError());
	}

}
