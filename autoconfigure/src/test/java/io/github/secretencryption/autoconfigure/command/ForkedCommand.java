package io.github.secretencryption.autoconfigure.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a new JVM with the test class path, as an operator would run
 * {@code java -jar app.jar <command>}.
 */
final class ForkedCommand {

	private ForkedCommand() {
	}

	static Result run(Class<?> mainClass, Path workDirectory, String... args) throws IOException, InterruptedException {
		return runWithInput(mainClass, workDirectory, null, args);
	}

	static Result runWithInput(Class<?> mainClass, Path workDirectory, String stdin, String... args)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass.getName());
		command.addAll(List.of(args));
		Path out = Files.createTempFile(workDirectory, "out", ".txt");
		Path err = Files.createTempFile(workDirectory, "err", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
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
