package io.github.secretencryption.autoconfigure.command;

import java.util.Set;

/**
 * An operator command that runs instead of the application when its name is the first
 * argument, as in {@code java -jar app.jar verify-keys}. Commands are registered in
 * {@code META-INF/spring.factories} under this interface's name.
 * <p>
 * A command that does not {@linkplain #needsApplicationContext() need the application
 * context} runs as soon as the environment is prepared: no DataSource, web server or
 * runner starts, so it works while the application itself runs. A command that needs it
 * runs in a non-web application context, after the context is refreshed and before any
 * runner.
 *
 * @since 0.1.0
 */
public interface SecretEncryptionCommand {

	/**
	 * Return the name that selects the command, a verb and a noun joined by a hyphen.
	 * @return the command name
	 */
	String name();

	/**
	 * Return a one-line description of the command.
	 * @return the description
	 */
	String description();

	/**
	 * Return the usage line, as in {@code rotate-key <name> [--add | --promote]}.
	 * @return the usage
	 */
	default String usage() {
		return name();
	}

	/**
	 * Return the names of the options the command takes, without the leading hyphens. Any
	 * other option whose name has no dot (a property such as
	 * {@code --secret-encryption.key-directory=...} has one) is refused before the
	 * command runs, so that a mistyped {@code --dry-run} never runs for real.
	 * @return the option names
	 */
	default Set<String> options() {
		return Set.of();
	}

	/**
	 * Return the names of the options among {@link #options()} that take a value, as in
	 * {@code --key-id=<id>}. Every other option is a flag: given with a value, as in
	 * {@code --insecure-skip-wait=false}, it is refused before the command runs, instead
	 * of being taken as set.
	 * @return the names of the options with a value
	 */
	default Set<String> valueOptions() {
		return Set.of();
	}

	/**
	 * Return how many arguments after the command name the command needs at least; fewer
	 * are refused before the command runs.
	 * @return the smallest number of arguments
	 */
	default int minArguments() {
		return 0;
	}

	/**
	 * Return how many arguments after the command name the command takes at most; more
	 * are refused before the command runs.
	 * @return the largest number of arguments
	 */
	default int maxArguments() {
		return 0;
	}

	/**
	 * Whether the command needs the application context (and so the database).
	 * @return {@code true} to run in a non-web application context
	 */
	default boolean needsApplicationContext() {
		return false;
	}

	/**
	 * Run the command.
	 * @param context arguments, environment, output and, if needed, the application
	 * context
	 * @return the exit code: 0 on success
	 * @throws Exception on failure, which exits with code 1
	 */
	int run(CommandContext context) throws Exception;

}
