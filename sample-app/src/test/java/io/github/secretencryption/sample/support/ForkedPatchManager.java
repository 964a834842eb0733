package io.github.secretencryption.sample.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.secretencryption.sample.PatchManagerApplication;
import org.jspecify.annotations.Nullable;

/**
 * Runs the patch manager in a new JVM, as an operator runs {@code java -jar
 * patch-manager.jar <command>}.
 */
public final class ForkedPatchManager {

	private ForkedPatchManager() {
	}

	/**
	 * Start the application in a new JVM.
	 * @param workDirectory the working directory, which also receives the output files
	 * @param args the command line arguments
	 * @return the running process and its output files
	 * @throws IOException if the process cannot be started
	 */
	public static Running start(Path workDirectory, List<String> args) throws IOException {
		return start(workDirectory, args, Map.of(), null);
	}

	/**
	 * Start the application in a new JVM with environment variables and standard input.
	 * @param workDirectory the working directory, which also receives the output files
	 * @param args the command line arguments
	 * @param environment variables added to the environment of the process
	 * @param input what the process reads from standard input, or {@code null} for
	 * nothing
	 * @return the running process and its output files
	 * @throws IOException if the process cannot be started
	 */
	public static Running start(Path workDirectory, List<String> args, Map<String, String> environment,
			@Nullable String input) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), PatchManagerApplication.class.getName()));
		command.addAll(args);
		Path out = Files.createTempFile(workDirectory, "out", ".txt");
		Path err = Files.createTempFile(workDirectory, "err", ".txt");
		Path in = Files.createTempFile(workDirectory, "in", ".txt");
		Files.writeString(in, (input != null) ? input : "");
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.redirectInput(in.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		return new Running(process, out, err);
	}

	/**
	 * Run the application in a new JVM until it exits.
	 * @param workDirectory the working directory
	 * @param args the command line arguments
	 * @return exit code and output
	 * @throws Exception if the process cannot be run or does not end within two minutes
	 */
	public static Result run(Path workDirectory, List<String> args) throws Exception {
		return start(workDirectory, args).await();
	}

	/**
	 * Run the application in a new JVM with environment variables and standard input
	 * until it exits.
	 * @param workDirectory the working directory
	 * @param args the command line arguments
	 * @param environment variables added to the environment of the process
	 * @param input what the process reads from standard input
	 * @return exit code and output
	 * @throws Exception if the process cannot be run or does not end within two minutes
	 */
	public static Result run(Path workDirectory, List<String> args, Map<String, String> environment, String input)
			throws Exception {
		return start(workDirectory, args, environment, input).await();
	}

	/**
	 * A running process and the files its output goes to.
	 *
	 * @param process the process
	 * @param out standard output
	 * @param err standard error
	 */
	public record Running(Process process, Path out, Path err) {

		/**
		 * Wait for the process to end.
		 * @return exit code and output
		 * @throws Exception if the process does not end within two minutes
		 */
		public Result await() throws Exception {
			if (!this.process.waitFor(120, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				throw new IllegalStateException("Process did not end within two minutes");
			}
			return new Result(this.process.exitValue(), Files.readString(this.out), Files.readString(this.err));
		}

	}

	/**
	 * What a process left behind.
	 *
	 * @param exitCode the exit code
	 * @param out standard output
	 * @param err standard error
	 */
	public record Result(int exitCode, String out, String err) {

	}

}
