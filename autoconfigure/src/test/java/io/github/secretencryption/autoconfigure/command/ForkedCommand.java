package io.github.secretencryption.autoconfigure.command;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a main class in a new JVM with the test class path, as an operator would run
 * {@code java -jar app.jar <command>}.
 */
final class ForkedCommand {

	private static final List<String> JASYPT_JARS = List.of("/org/jasypt/", "/com/github/ulisesbocchio/");

	private ForkedCommand() {
	}

	static Result run(Class<?> mainClass, Path workDirectory, String... args) throws IOException, InterruptedException {
		return runWithInput(mainClass, workDirectory, null, args);
	}

	static Result runWithInput(Class<?> mainClass, Path workDirectory, String stdin, String... args)
			throws IOException, InterruptedException {
		return run(mainClass, workDirectory, stdin, System.getProperty("java.class.path"), Map.of(), args);
	}

	/**
	 * Run a main class with the test class path minus Jasypt and its Spring Boot
	 * integration, as in an application that does not depend on them.
	 */
	static Result runWithoutJasypt(Class<?> mainClass, Path workDirectory, String stdin, String... args)
			throws IOException, InterruptedException {
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> JASYPT_JARS.stream().noneMatch(entry.replace(File.separatorChar, '/')::contains))
			.collect(Collectors.joining(File.pathSeparator));
		return run(mainClass, workDirectory, stdin, classPath, Map.of(), args);
	}

	/**
	 * Run a main class with the test class path and further environment variables.
	 */
	static Result runWithEnvironment(Class<?> mainClass, Path workDirectory, Map<String, String> environment,
			String... args) throws IOException, InterruptedException {
		return run(mainClass, workDirectory, null, System.getProperty("java.class.path"), environment, args);
	}

	private static Result run(Class<?> mainClass, Path workDirectory, String stdin, String classPath,
			Map<String, String> environment, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(classPath);
		command.add(mainClass.getName());
		command.addAll(List.of(args));
		Path out = Files.createTempFile(workDirectory, "out", ".txt");
		Path err = Files.createTempFile(workDirectory, "err", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
		builder.environment().putAll(environment);
		if (stdin == null) {
			builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		}
		Process process = builder.start();
		if (stdin != null) {
			process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
			process.getOutputStream().close();
		}
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("Command did not finish within 120 seconds: " + command);
		}
		return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	record Result(int exitCode, String out, String err) {

		List<String> outLines() {
			return this.out.lines().toList();
		}

	}

}
