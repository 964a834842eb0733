package io.github.secretencryption.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.github.secretencryption.benchmarks.crypto.FieldEncryptor;
import io.github.secretencryption.benchmarks.jpa.JpaBenchmark;
import io.github.secretencryption.benchmarks.migration.MigrationBenchmark;
import io.github.secretencryption.benchmarks.startup.StartupBenchmark;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Turns benchmark results into Markdown tables of times, ratios and targets. Every time
 * is shown twice: by the wall clock, as JMH measures it, and as CPU time of the JVM,
 * which leaves out the time spent waiting for a core on a busy machine.
 */
final class Report {

	private static final String OURS = "secret-encryption";

	private static final String BASELINE = "jca-baseline";

	private static final String JASYPT = "jasypt";

	private static final List<String> OPERATIONS = List.of("roundTrip", "encrypt", "decrypt");

	private static final List<Integer> SIZES = List.of(32, 256);

	private final Map<String, Measurement> crypto = new LinkedHashMap<>();

	private final Map<String, Measurement> jpa = new LinkedHashMap<>();

	private final List<String> databases = new ArrayList<>();

	private final Map<String, Estimate> migration = new LinkedHashMap<>();

	private String migrationShape = "";

	private final StartupBenchmark.@Nullable Result startup;

	private final List<String[]> targets = new ArrayList<>();

	private String cryptoShape = "";

	private String jpaShape = "";

	Report(Collection<RunResult> crypto, Collection<RunResult> jpa, Collection<RunResult> migration,
			StartupBenchmark.@Nullable Result startup) {
		for (RunResult result : migration) {
			this.migration.put(key(method(result), result.getParams().getParam("database"), ""),
					BenchmarkSuite.estimate(result.getPrimaryResult()));
			this.migrationShape = shape(result);
		}
		for (RunResult result : crypto) {
			this.crypto.put(
					key(method(result), result.getParams().getParam("encryptor"), result.getParams().getParam("bytes")),
					measurement(result, 1));
			this.cryptoShape = shape(result);
		}
		for (RunResult result : jpa) {
			String database = result.getParams().getParam("database");
			if (!this.databases.contains(database)) {
				this.databases.add(database);
			}
			this.jpa.put(key(method(result), database, result.getParams().getParam("columns")),
					measurement(result, 1e-6));
			this.jpaShape = shape(result);
		}
		this.startup = startup;
	}

	String toMarkdown() {
		String crypto = cryptoTables();
		String jpa = jpaTable();
		String migration = migrationTable();
		String startup = startupTable();
		StringBuilder markdown = new StringBuilder("### Targets\n\n");
		markdown.append("| Target | Wall clock | CPU time | Verdict |\n|---|---|---|---|\n");
		for (String[] target : this.targets) {
			markdown.append("| ").append(String.join(" | ", target)).append(" |\n");
		}
		markdown.append('\n');
		markdown.append("Ratios divide secret-encryption's time by the other's (below 1 is faster) and carry the")
			.append(" 99.9% confidence half-widths of both, added in quadrature. A verdict is given for each")
			.append(" clock; \"by the mean\" means the interval reaches past the limit.\n\n");
		return markdown.append(crypto).append(jpa).append(migration).append(startup).toString();
	}

	private String cryptoTables() {
		if (this.crypto.isEmpty()) {
			return "";
		}
		StringBuilder markdown = new StringBuilder("### Per-field encryption\n\n");
		markdown.append("Nanoseconds per operation by the wall clock and in CPU time (mean ± 99.9% confidence")
			.append(" half-width, ")
			.append(this.cryptoShape)
			.append("), and bytes allocated per operation (`-prof gc`, `gc.alloc.rate.norm`). One String to one")
			.append(" String, plaintexts of 32 and 256 ASCII characters.\n\n");
		markdown.append("| Operation | Size |");
		FieldEncryptor.NAMES.forEach((name) -> markdown.append(' ').append(name).append(" |"));
		markdown.append("\n|---|---|").append("---|".repeat(FieldEncryptor.NAMES.size())).append('\n');
		for (String operation : OPERATIONS) {
			for (int size : SIZES) {
				markdown.append("| ").append(label(operation)).append(" | ").append(size).append(" B |");
				for (String name : FieldEncryptor.NAMES) {
					Measurement measurement = this.crypto.get(key(operation, name, String.valueOf(size)));
					markdown.append(' ')
						.append((measurement != null) ? "wall " + format(measurement.wall()) + " ns<br>CPU "
								+ format(measurement.cpu()) + " ns<br>" + bytes(measurement.allocation()) : "—")
						.append(" |");
				}
				markdown.append('\n');
			}
		}
		markdown.append("\nsecret-encryption against each peer: time ratios (below 1 is faster); for Jasypt, how")
			.append(" many times faster secret-encryption is; and allocation against the baseline.\n\n");
		List<String> peers = FieldEncryptor.NAMES.stream()
			.filter((name) -> !name.equals(OURS) && !name.equals(JASYPT))
			.toList();
		markdown.append("| Operation | Size |");
		peers.forEach((name) -> markdown.append(" ÷ ").append(name).append(" |"));
		markdown.append(" jasypt ÷ secret-encryption | Bytes ÷ jca-baseline |\n|---|---|")
			.append("---|".repeat(peers.size() + 2))
			.append('\n');
		for (String operation : OPERATIONS) {
			for (int size : SIZES) {
				Measurement ours = this.crypto.get(key(operation, OURS, String.valueOf(size)));
				if (ours == null) {
					continue;
				}
				markdown.append("| ").append(label(operation)).append(" | ").append(size).append(" B |");
				for (String name : peers) {
					Measurement peer = this.crypto.get(key(operation, name, String.valueOf(size)));
					markdown.append(' ').append((peer != null) ? bothRatios(ours, peer) : "—").append(" |");
				}
				Measurement jasypt = this.crypto.get(key(operation, JASYPT, String.valueOf(size)));
				markdown.append(' ').append((jasypt != null) ? bothRatios(jasypt, ours) : "—").append(" |");
				Measurement baseline = this.crypto.get(key(operation, BASELINE, String.valueOf(size)));
				markdown.append(' ')
					.append((baseline != null) ? ratio(ours.allocation().dividedBy(baseline.allocation())) : "—")
					.append(" |\n");
				if (operation.equals("roundTrip")) {
					addCryptoTargets(size, ours, baseline, jasypt);
				}
			}
		}
		return markdown.append('\n').toString();
	}

	private void addCryptoTargets(int size, Measurement ours, @Nullable Measurement baseline,
			@Nullable Measurement jasypt) {
		String prefix = "Round trip, " + size + " B: ";
		if (baseline != null) {
			addTarget(prefix + "at most 0.90× the JCA baseline's time", ours, baseline, 0.90);
			Estimate bytes = ours.allocation().dividedBy(baseline.allocation());
			this.targets.add(new String[] { prefix + "allocation at most the JCA baseline's",
					bytes(ours.allocation()) + " against " + bytes(baseline.allocation()), "",
					(bytes.mean() <= 1) ? "met" : missedBy(bytes.mean() - 1) });
		}
		this.targets.add(new String[] { prefix + "faster than every peer measured",
				slowestPeer(ours, Measurement::wall), slowestPeer(ours, Measurement::cpu), "wall: "
						+ fasterThanAll(ours, Measurement::wall) + "; CPU: " + fasterThanAll(ours, Measurement::cpu) });
		if (jasypt != null) {
			Estimate wall = jasypt.wall().dividedBy(ours.wall());
			Estimate cpu = jasypt.cpu().dividedBy(ours.cpu());
			this.targets
				.add(new String[] { prefix + "at least 1,000× faster than Jasypt's default", ratio(wall) + " faster",
						ratio(cpu) + " faster", "wall: " + atLeast(wall, 1000) + "; CPU: " + atLeast(cpu, 1000) });
		}
	}

	private String slowestPeer(Measurement ours, Function<Measurement, Estimate> clock) {
		String slowest = "";
		double highest = 0;
		for (String name : FieldEncryptor.NAMES) {
			Measurement peer = this.crypto.get(key("roundTrip", name, sizeOf(ours)));
			if (!name.equals(OURS) && peer != null) {
				double ratio = clock.apply(ours).mean() / clock.apply(peer).mean();
				if (ratio > highest) {
					highest = ratio;
					slowest = name;
				}
			}
		}
		return String.format(Locale.ROOT, "%.2f× the fastest peer (%s)", highest, slowest);
	}

	private String fasterThanAll(Measurement ours, Function<Measurement, Estimate> clock) {
		List<String> notBeaten = new ArrayList<>();
		boolean byTheMean = false;
		for (String name : FieldEncryptor.NAMES) {
			Measurement peer = this.crypto.get(key("roundTrip", name, sizeOf(ours)));
			if (name.equals(OURS) || peer == null) {
				continue;
			}
			Estimate ratio = clock.apply(ours).dividedBy(clock.apply(peer));
			if (ratio.mean() >= 1) {
				notBeaten.add(name);
			}
			else if (!Double.isNaN(ratio.error()) && ratio.mean() + ratio.error() >= 1) {
				byTheMean = true;
			}
		}
		if (!notBeaten.isEmpty()) {
			return "missed, not faster than " + String.join(", ", notBeaten);
		}
		return byTheMean ? "met by the mean" : "met";
	}

	private String sizeOf(Measurement measurement) {
		return this.crypto.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == measurement)
			.map((entry) -> entry.getKey().substring(entry.getKey().lastIndexOf('/') + 1))
			.findFirst()
			.orElse("");
	}

	private String jpaTable() {
		if (this.jpa.isEmpty()) {
			return "";
		}
		StringBuilder markdown = new StringBuilder("### JPA\n\n");
		markdown.append("Milliseconds to load all ")
			.append(String.format(Locale.ROOT, "%,d", JpaBenchmark.ROWS))
			.append(" rows of a table into entities, or to save as many new entities, by the wall clock and in")
			.append(" CPU time of the application's JVM (the database server's is not counted), mean ± 99.9%")
			.append(" confidence half-width, ")
			.append(this.jpaShape)
			.append(". Each entity has two `@Encrypted` attributes, or the same attributes in plaintext. The cost")
			.append(" per encrypted attribute is the difference divided by ")
			.append(String.format(Locale.ROOT, "%,d", JpaBenchmark.ROWS * JpaBenchmark.ENCRYPTED_ATTRIBUTES))
			.append(".\n\n");
		markdown.append("| Database | Operation | Clock | Plaintext | Encrypted | Ratio | Per encrypted attribute |\n")
			.append("|---|---|---|---|---|---|---|\n");
		for (String database : this.databases) {
			for (String operation : List.of("load", "save")) {
				Measurement plain = this.jpa.get(key(operation, database, "plaintext"));
				Measurement encrypted = this.jpa.get(key(operation, database, "encrypted"));
				if (plain == null || encrypted == null) {
					continue;
				}
				for (boolean wall : new boolean[] { true, false }) {
					Estimate plainTime = wall ? plain.wall() : plain.cpu();
					Estimate encryptedTime = wall ? encrypted.wall() : encrypted.cpu();
					markdown.append("| ")
						.append(databaseLabel(database))
						.append(" | ")
						.append(operation)
						.append(" | ")
						.append(wall ? "wall" : "CPU")
						.append(" | ")
						.append(format(plainTime))
						.append(" ms | ")
						.append(format(encryptedTime))
						.append(" ms | ")
						.append(ratio(encryptedTime.dividedBy(plainTime)))
						.append(" | ")
						.append(format(perAttribute(encryptedTime, plainTime)))
						.append(" µs |\n");
				}
				if (operation.equals("load")) {
					boolean postgres = database.equals("postgresql");
					Estimate wall = encrypted.wall().dividedBy(plain.wall());
					Estimate cpu = encrypted.cpu().dividedBy(plain.cpu());
					this.targets.add(new String[] {
							"JPA load of 10,000 entities, " + databaseLabel(database)
									+ (postgres ? ": at most 1.10× the plaintext entity" : ": reported"),
							ratio(wall) + ", " + format(perAttribute(encrypted.wall(), plain.wall()))
									+ " µs per attribute",
							ratio(cpu) + ", " + format(perAttribute(encrypted.cpu(), plain.cpu()))
									+ " µs per attribute",
							postgres ? "wall: " + atMost(wall, 1.10) + "; CPU: " + atMost(cpu, 1.10) : "—" });
				}
			}
		}
		return markdown.append('\n').toString();
	}

	private static Estimate perAttribute(Estimate encryptedMillis, Estimate plainMillis) {
		return encryptedMillis.minus(plainMillis)
			.times(1000.0 / (JpaBenchmark.ROWS * JpaBenchmark.ENCRYPTED_ATTRIBUTES));
	}

	private String migrationTable() {
		if (this.migration.isEmpty()) {
			return "";
		}
		StringBuilder markdown = new StringBuilder("### Migration\n\n");
		markdown.append("Milliseconds by the wall clock to rewrite all ")
			.append(String.format(Locale.ROOT, "%,d", MigrationBenchmark.ROWS))
			.append(" values of a column (mean ± 99.9% confidence half-width, ")
			.append(this.migrationShape)
			.append("), in batches of ")
			.append(MigrationBenchmark.BATCH_SIZE)
			.append(" rows read by primary key and written in one transaction each: `migrate-secrets`' column")
			.append(" migration (encrypting each plaintext value, each write conditional on the value read)")
			.append(" against a plain JDBC batch `UPDATE ... WHERE id = ?` of the same batches. The database")
			.append(" server's work is in both times.\n\n");
		markdown
			.append("| Database | JDBC batch UPDATE | migrate-secrets | Rows per second, migrate-secrets ÷ UPDATE |\n")
			.append("|---|---|---|---|\n");
		for (String database : List.of("postgresql", "h2")) {
			Estimate baseline = this.migration.get(key("jdbcBatchUpdate", database, ""));
			Estimate ours = this.migration.get(key("migrateSecrets", database, ""));
			if (baseline == null || ours == null) {
				continue;
			}
			Estimate speed = baseline.dividedBy(ours);
			markdown.append("| ")
				.append(databaseLabel(database))
				.append(" | ")
				.append(format(baseline))
				.append(" ms (")
				.append(rowsPerSecond(baseline))
				.append(") | ")
				.append(format(ours))
				.append(" ms (")
				.append(rowsPerSecond(ours))
				.append(") | ")
				.append(ratio(speed))
				.append(" |\n");
			if (database.equals("postgresql")) {
				this.targets.add(new String[] {
						"Migration of 100,000 rows on PostgreSQL: at least half the rows per second of a JDBC batch"
								+ " UPDATE",
						ratio(speed) + " the rows per second", "", "wall: " + atLeast(speed, 0.5) });
			}
		}
		return markdown.append('\n').toString();
	}

	private static String rowsPerSecond(Estimate millis) {
		return String.format(Locale.ROOT, "%,.0f rows/s", MigrationBenchmark.ROWS * 1000.0 / millis.mean());
	}

	private String startupTable() {
		StartupBenchmark.Result startup = this.startup;
		if (startup == null) {
			return "";
		}
		Estimate ready = startup.readyWith().dividedBy(startup.readyWithout());
		Estimate uptime = startup.uptimeWith().dividedBy(startup.uptimeWithout());
		Estimate cpu = startup.cpuWith().dividedBy(startup.cpuWithout());
		this.targets.add(new String[] { "Start-up: at most 1.05× the application without the starter",
				ratio(ready) + " (run to ready), " + ratio(uptime) + " (JVM uptime)", ratio(cpu),
				"wall: " + atMost(ready, 1.05) + "; CPU: " + atMost(cpu, 1.05) });
		return "### Start-up\n\n" + "Milliseconds, mean ± 99.9% confidence half-width of " + startup.launches()
				+ " launches of each application in new JVMs, taken in turn, after two launches of each not counted."
				+ " A Spring Boot application with one entity on H2 in memory and no web server.\n\n"
				+ "| Measure | Without the starter | With the starter | Ratio |\n|---|---|---|---|\n"
				+ "| `SpringApplication.run` to `ApplicationReadyEvent` | " + format(startup.readyWithout()) + " ms | "
				+ format(startup.readyWith()) + " ms | " + ratio(ready) + " |\n"
				+ "| JVM uptime at `ApplicationReadyEvent` | " + format(startup.uptimeWithout()) + " ms | "
				+ format(startup.uptimeWith()) + " ms | " + ratio(uptime) + " |\n"
				+ "| CPU time of the JVM at `ApplicationReadyEvent` | " + format(startup.cpuWithout()) + " ms | "
				+ format(startup.cpuWith()) + " ms | " + ratio(cpu) + " |\n\n";
	}

	private void addTarget(String target, Measurement ours, Measurement other, double limit) {
		Estimate wall = ours.wall().dividedBy(other.wall());
		Estimate cpu = ours.cpu().dividedBy(other.cpu());
		this.targets.add(new String[] { target, ratio(wall), ratio(cpu),
				"wall: " + atMost(wall, limit) + "; CPU: " + atMost(cpu, limit) });
	}

	private static String atMost(Estimate value, double limit) {
		if (value.mean() > limit) {
			return missedBy(value.mean() / limit - 1);
		}
		return (Double.isNaN(value.error()) || value.mean() + value.error() <= limit) ? "met" : "met by the mean";
	}

	private static String atLeast(Estimate value, double limit) {
		if (value.mean() < limit) {
			return missedBy(1 - value.mean() / limit);
		}
		return (Double.isNaN(value.error()) || value.mean() - value.error() >= limit) ? "met" : "met by the mean";
	}

	private static String missedBy(double fraction) {
		return (fraction < 0.005) ? "missed by less than 1%"
				: String.format(Locale.ROOT, "missed by %.0f%%", 100 * fraction);
	}

	private static String bothRatios(Measurement dividend, Measurement divisor) {
		return "wall " + ratio(dividend.wall().dividedBy(divisor.wall())) + "<br>CPU "
				+ ratio(dividend.cpu().dividedBy(divisor.cpu()));
	}

	private static String label(String operation) {
		return operation.equals("roundTrip") ? "round trip" : operation;
	}

	private static String databaseLabel(String database) {
		return switch (database) {
			case "h2" -> "H2 in memory";
			case "postgresql" -> "PostgreSQL";
			default -> database;
		};
	}

	private static String format(Estimate estimate) {
		int digits = (Math.abs(estimate.mean()) >= 100) ? 0 : (Math.abs(estimate.mean()) >= 1) ? 1 : 2;
		String pattern = "%,." + digits + "f";
		String mean = String.format(Locale.ROOT, pattern, estimate.mean());
		return Double.isNaN(estimate.error()) ? mean
				: mean + " ± " + String.format(Locale.ROOT, pattern, estimate.error());
	}

	private static String ratio(Estimate ratio) {
		int digits = (ratio.mean() >= 100) ? 0 : (ratio.mean() >= 10) ? 1 : 2;
		String pattern = "%,." + digits + "f";
		String mean = String.format(Locale.ROOT, pattern, ratio.mean());
		return Double.isNaN(ratio.error()) ? mean + "×"
				: mean + " ± " + String.format(Locale.ROOT, pattern, ratio.error()) + "×";
	}

	private static String bytes(Estimate allocation) {
		return String.format(Locale.ROOT, "%,.0f B", allocation.mean());
	}

	private static String key(String operation, String variant, String size) {
		return operation + "/" + variant + "/" + size;
	}

	private static String method(RunResult result) {
		String benchmark = result.getParams().getBenchmark();
		return benchmark.substring(benchmark.lastIndexOf('.') + 1);
	}

	private static String shape(RunResult result) {
		int forks = result.getParams().getForks();
		return forks + ((forks == 1) ? " fork × " : " forks × ") + result.getParams().getMeasurement().getCount()
				+ " iterations";
	}

	/**
	 * Read a result's wall-clock time and its CPU time, both scaled by a factor from the
	 * unit of the benchmark and from nanoseconds to the unit shown, and its allocation.
	 */
	private static Measurement measurement(RunResult result, double cpuScale) {
		Result<?> cpu = result.getSecondaryResults().get(CpuTimeProfiler.RESULT);
		Result<?> allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
		Estimate unknown = new Estimate(Double.NaN, Double.NaN);
		return new Measurement(BenchmarkSuite.estimate(result.getPrimaryResult()),
				(cpu != null) ? BenchmarkSuite.estimate(cpu).times(cpuScale) : unknown,
				(allocation != null) ? BenchmarkSuite.estimate(allocation) : unknown);
	}

	private record Measurement(Estimate wall, Estimate cpu, Estimate allocation) {

	}

}
