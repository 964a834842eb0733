package io.github.secretencryption.autoconfigure.command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.Assert;

/**
 * Runs a {@link SecretEncryptionCommand} instead of the application when the first
 * non-option argument names one. Standard output is kept for the command's results and
 * everything else, logs and banner included, goes to standard error. The process exits
 * with the command's exit code.
 *
 * @since 0.1.0
 */
public final class CommandRunListener implements SpringApplicationRunListener, Ordered {

	private static final Log logger = LogFactory.getLog(CommandRunListener.class);

	private final SpringApplication application;

	private final @Nullable SecretEncryptionCommand command;

	private final List<String> arguments;

	private final List<String> options;

	/**
	 * What to print when the first argument misspells a command name, or {@code null}.
	 */
	private final @Nullable String mistypedCommand;

	/**
	 * What to print when the first argument names no command and the application takes no
	 * arguments of its own, or {@code null}.
	 */
	private final @Nullable String unknownCommand;

	/**
	 * Options without a dot that Spring Boot itself reads from the command line.
	 */
	private static final Set<String> BOOT_OPTIONS = Set.of("debug", "trace");

	/**
	 * H2's error code for a database file that another process has open.
	 */
	private static final int H2_DATABASE_ALREADY_OPEN = 90020;

	private static final String DATABASE_IN_USE = "the database is open in another process, most likely the "
			+ "running application (an embedded H2 database file allows one process); stop the application, run the "
			+ "command, then start the application again";

	private @Nullable PrintStream results;

	private @Nullable ConfigurableEnvironment environment;

	/**
	 * Create a listener for one run of an application.
	 * @param application the application
	 * @param args the command line arguments
	 */
	public CommandRunListener(SpringApplication application, String[] args) {
		this.application = application;
		List<String> positional = Arrays.stream(args).filter((arg) -> !arg.startsWith("--")).toList();
		// Commands are instantiated only for a command line that may name one
		List<SecretEncryptionCommand> commands = positional.isEmpty() ? List.of()
				: SpringFactoriesLoader.forDefaultResourceLocation(application.getClassLoader())
					.load(SecretEncryptionCommand.class);
		this.command = positional.isEmpty() ? null : find(commands, positional.get(0));
		String nearMiss = (positional.isEmpty() || this.command != null) ? null : nearMiss(commands, positional.get(0));
		this.mistypedCommand = (nearMiss != null)
				? "[FAIL] No command is named '" + positional.get(0) + "'; did you mean " + nearMiss + "?" : null;
		this.unknownCommand = (positional.isEmpty() || this.command != null || nearMiss != null) ? null
				: "[FAIL] No command is named '" + positional.get(0) + "'; the commands are "
						+ commands.stream().map(SecretEncryptionCommand::name).collect(Collectors.joining(", "));
		this.arguments = positional.isEmpty() ? List.of() : new ArrayList<>(positional.subList(1, positional.size()));
		this.options = Arrays.stream(args).filter((arg) -> arg.startsWith("--")).toList();
	}

	private static @Nullable SecretEncryptionCommand find(List<SecretEncryptionCommand> commands, String name) {
		return commands.stream().filter((candidate) -> candidate.name().equals(name)).findFirst().orElse(null);
	}

	/**
	 * Return the name of the command that a first argument misspells, at most two edits
	 * away, or {@code null}: a mistyped {@code verify-key} must not start the whole
	 * application, creating keys and a database.
	 */
	private static @Nullable String nearMiss(List<SecretEncryptionCommand> commands, String word) {
		return commands.stream()
			.map(SecretEncryptionCommand::name)
			.filter((name) -> editDistance(name, word) <= 2)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Return the number of characters to insert, delete or replace to turn one word into
	 * another.
	 */
	static int editDistance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int replace = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	@Override
	public void starting(ConfigurableBootstrapContext bootstrapContext) {
		if (this.mistypedCommand != null) {
			refuse(System.out, this.mistypedCommand);
		}
		if (this.command == null) {
			return;
		}
		this.results = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
		System.setOut(System.err);
		// A wrong command line is refused before the environment, keys or database load
		String refused = refusedCommandLine(this.command);
		if (refused != null) {
			refuse(this.results, "[FAIL] " + this.command.name() + ": " + refused + "; usage: " + this.command.usage());
		}
		if (this.command.needsApplicationContext()) {
			this.application.setWebApplicationType(WebApplicationType.NONE);
		}
	}

	@Override
	public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
			ConfigurableEnvironment environment) {
		this.environment = environment;
		if (this.unknownCommand != null
				&& environment.getProperty("secret-encryption.commands.refuse-unknown", Boolean.class, false)) {
			refuse(System.out, this.unknownCommand);
		}
		if (this.command != null && !this.command.needsApplicationContext()) {
			exit(run(this.command, null));
		}
	}

	@Override
	public void started(ConfigurableApplicationContext context, Duration timeTaken) {
		if (this.command != null && this.command.needsApplicationContext()) {
			int code = run(this.command, context);
			exit(SpringApplication.exit(context, () -> code));
		}
	}

	@Override
	public void failed(@Nullable ConfigurableApplicationContext context, Throwable exception) {
		// The application's failure analysis follows on standard error; the exit code is
		// 1
		if (this.command != null && this.results != null) {
			this.results.println("[FAIL] " + this.command.name() + ": " + (databaseInUse(exception) ? DATABASE_IN_USE
					: "the application could not start: " + messages(exception)));
			this.results.flush();
		}
	}

	/**
	 * Return whether a failure comes from an embedded H2 database that another process
	 * has open, as the running application has.
	 */
	private static boolean databaseInUse(Throwable ex) {
		for (Throwable cause = ex; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
				return true;
			}
		}
		return false;
	}

	private int run(SecretEncryptionCommand command, @Nullable ConfigurableApplicationContext context) {
		logger.info("Running command " + command.name());
		PrintStream out = (this.results != null) ? this.results : System.out;
		ConfigurableEnvironment environment = (context != null) ? context.getEnvironment() : this.environment;
		Assert.state(environment != null, "Environment must be prepared before a command runs");
		try {
			return command.run(new CommandContext(this.arguments, this.options, environment, out, System.in, context));
		}
		catch (Exception ex) {
			out.println("[FAIL] " + command.name() + ": " + messages(ex));
			logger.error("Command " + command.name() + " failed", ex);
			return 1;
		}
		finally {
			out.flush();
		}
	}

	private @Nullable String refusedCommandLine(SecretEncryptionCommand command) {
		for (String option : this.options) {
			String name = option.substring(2);
			int equals = name.indexOf('=');
			if (equals >= 0) {
				name = name.substring(0, equals);
			}
			if (!name.contains(".") && !BOOT_OPTIONS.contains(name) && !command.options().contains(name)) {
				return "unknown option --" + name;
			}
			if (command.options().contains(name) && command.valueOptions().contains(name) != (equals >= 0)) {
				return (equals >= 0) ? "option --" + name + " takes no value, not " + option
						: "option --" + name + " needs a value, as --" + name + "=<value>";
			}
		}
		if (this.arguments.size() < command.minArguments()) {
			return "needs " + command.minArguments() + ((command.minArguments() == 1) ? " argument" : " arguments")
					+ ((this.arguments.isEmpty()) ? ", not none" : ", not " + this.arguments);
		}
		if (this.arguments.size() > command.maxArguments()) {
			return (command.maxArguments() == 0) ? "takes no arguments, not " + this.arguments
					: "takes at most " + command.maxArguments() + " arguments, not " + this.arguments;
		}
		return null;
	}

	/**
	 * Return the message of an exception followed by those of its causes that add to it,
	 * as in "Failed to bind properties under 'x': No enum constant y", so that the reason
	 * reaches standard output and not only the stack trace in the log. A value that names
	 * no constant of an enum is followed by the values that the property accepts.
	 */
	static String messages(Throwable ex) {
		StringBuilder messages = new StringBuilder(String.valueOf(ex.getMessage()));
		String accepted = null;
		for (Throwable cause = ex.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			String message = cause.getMessage();
			if (message != null && !messages.toString().contains(message)) {
				messages.append(": ").append(message);
			}
			if (cause instanceof ConversionFailedException conversion
					&& conversion.getTargetType().getType().isEnum()) {
				accepted = Arrays.stream(conversion.getTargetType().getType().getEnumConstants())
					.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
					.collect(Collectors.joining(", "));
			}
		}
		if (accepted != null) {
			messages.append("; accepted values: ").append(accepted);
		}
		return messages.toString();
	}

	/**
	 * Print why the command line is refused and exit with code 2.
	 */
	private static void refuse(PrintStream out, String line) {
		out.println(line);
		out.flush();
		exit(2);
	}

	private static void exit(int code) {
		System.exit(code);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
