package io.github.secretencryption.benchmarks.startup;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.secretencryption.benchmarks.Estimate;
import io.github.secretencryption.benchmarks.startup.encrypted.EncryptedStartupApplication;
import io.github.secretencryption.benchmarks.startup.plain.PlainStartupApplication;

import org.springframework.util.FileSystemUtils;

/**
 * Starts the application without the starter and the one with it in new JVMs, one after
 * the other, and measures the time from {@code SpringApplication.run} to
 * {@code ApplicationReadyEvent}, and the JVM's uptime and CPU time at that point. The
 * plain application runs on this JVM's classpath less the secret-encryption jars; the
 * other on the whole classpath. The first rounds warm the file cache and create the keys,
 * and are not counted.
 *
 * @since 0.1.0
 */
public final class StartupBenchmark {

	private static final List<String> STARTER_JARS = List.of("secret-encryption-spring-boot-autoconfigure",
			"secret-encryption-spring-boot-starter", "autoconfigure/target/classes", "starter/target/classes");

	private final int warmupRounds;

	private final int rounds;

	/**
	 * Create a benchmark.
	 * @param warmupRounds rounds run first and not counted
	 * @param rounds rounds counted
	 */
	public StartupBenchmark(int warmupRounds, int rounds) {
		this.warmupRounds = warmupRounds;
		this.rounds = rounds;
	}

	/**
	 * Run the benchmark.
	 * @return the measurements
	 * @throws IOException if an application cannot be started
	 * @throws InterruptedException if interrupted while waiting for an application
	 */
	public Result run() throws IOException, InterruptedException {
		String classpath = System.getProperty("java.class.path");
		String plainClasspath = Arrays.stream(classpath.split(File.pathSeparator))
			.filter((entry) -> STARTER_JARS.stream().noneMatch((jar) -> entry.replace('\\', '/').contains(jar)))
			.collect(Collectors.joining(File.pathSeparator));
		if (plainClasspath.equals(classpath)) {
			throw new IllegalStateException("The secret-encryption jars are not on the classpath " + classpath);
		}
		Path keyDirectory = Files.createTempDirectory("secret-encryption-startup-benchmark").resolve("keys");
		List<String> encryptedArgs = List.of("--secret-encryption.key-directory=" + keyDirectory);
		List<Launch> plain = new ArrayList<>();
		List<Launch> encrypted = new ArrayList<>();
		try {
			for (int round = 0; round < this.warmupRounds + this.rounds; round++) {
				boolean counted = round >= this.warmupRounds;
				// Alternate which application starts first, so that drifting load affects
				// both
				if (round % 2 == 0) {
					Launch withoutStarter = launch(plainClasspath, PlainStartupApplication.class, List.of());
					Launch withStarter = launch(classpath, EncryptedStartupApplication.class, encryptedArgs);
					record(counted, plain, withoutStarter, encrypted, withStarter);
				}
				else {
					Launch withStarter = launch(classpath, EncryptedStartupApplication.class, encryptedArgs);
					Launch withoutStarter = launch(plainClasspath, PlainStartupApplication.class, List.of());
					record(counted, plain, withoutStarter, encrypted, withStarter);
				}
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(keyDirectory.getParent());
		}
		return new Result(Estimate.of(plain.stream().map(Launch::readyMillis).toList()),
				Estimate.of(encrypted.stream().map(Launch::readyMillis).toList()),
				Estimate.of(plain.stream().map(Launch::uptimeMillis).toList()),
				Estimate.of(encrypted.stream().map(Launch::uptimeMillis).toList()),
				Estimate.of(plain.stream().map(Launch::cpuMillis).toList()),
				Estimate.of(encrypted.stream().map(Launch::cpuMillis).toList()), this.rounds);
	}

	private static void record(boolean counted, List<Launch> plain, Launch withoutStarter, List<Launch> encrypted,
			Launch withStarter) {
		System.out.printf(
				"startup: without the starter %.0f ms (JVM uptime %.0f ms, CPU %.0f ms), with it %.0f ms (%.0f ms, %.0f ms)%s%n",
				withoutStarter.readyMillis(), withoutStarter.uptimeMillis(), withoutStarter.cpuMillis(),
				withStarter.readyMillis(), withStarter.uptimeMillis(), withStarter.cpuMillis(),
				counted ? "" : " (warm-up)");
		if (counted) {
			plain.add(withoutStarter);
			encrypted.add(withStarter);
		}
	}

	private static Launch launch(String classpath, Class<?> application, List<String> extraArgs)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-Xms256m", "-Xmx256m", "-cp", classpath, application.getName()));
		command.addAll(List.of("--spring.main.banner-mode=off", "--logging.level.root=warn",
				"--spring.datasource.url=jdbc:h2:mem:startup", "--spring.jpa.hibernate.ddl-auto=create-drop"));
		command.addAll(extraArgs);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<String> output = new ArrayList<>();
		Launch launch = null;
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				output.add(line);
				if (line.startsWith(StartupReport.LINE_PREFIX)) {
					launch = Launch.parse(line.substring(StartupReport.LINE_PREFIX.length()));
				}
			}
		}
		if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0 || launch == null) {
			process.destroyForcibly();
			throw new IllegalStateException(
					application.getSimpleName() + " did not start and stop cleanly:\n" + String.join("\n", output));
		}
		return launch;
	}

	/**
	 * Start-up times with and without the starter.
	 *
	 * @param readyWithout milliseconds from run to ready without the starter
	 * @param readyWith milliseconds from run to ready with the starter
	 * @param uptimeWithout JVM uptime at ready without the starter, in milliseconds
	 * @param uptimeWith JVM uptime at ready with the starter, in milliseconds
	 * @param cpuWithout CPU time of the JVM at ready without the starter, in milliseconds
	 * @param cpuWith CPU time of the JVM at ready with the starter, in milliseconds
	 * @param launches counted launches of each application
	 */
	public record Result(Estimate readyWithout, Estimate readyWith, Estimate uptimeWithout, Estimate uptimeWith,
			Estimate cpuWithout, Estimate cpuWith, int launches) {

	}

	private record Launch(double readyMillis, double uptimeMillis, double cpuMillis) {

		static Launch parse(String report) {
			double ready = Double.NaN;
			double uptime = Double.NaN;
			double cpu = Double.NaN;
			for (String field : report.trim().split(" ")) {
				String[] parts = field.split("=", 2);
				switch (parts[0]) {
					case "ready-ms" -> ready = Double.parseDouble(parts[1]);
					case "jvm-uptime-ms" -> uptime = Double.parseDouble(parts[1]);
					case "cpu-ms" -> cpu = Double.parseDouble(parts[1]);
					default -> {
					}
				}
			}
			return new Launch(ready, uptime, cpu);
		}

	}

}
