package io.github.secretencryption.autoconfigure.command;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

import io.github.secretencryption.autoconfigure.SecretEncryptionProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * What a {@link SecretEncryptionCommand} runs with.
 *
 * @since 0.1.0
 */
public final class CommandContext {

	private final List<String> arguments;

	private final List<String> options;

	private final ConfigurableEnvironment environment;

	private final PrintStream out;

	private final InputStream in;

	private final @Nullable ConfigurableApplicationContext applicationContext;

	CommandContext(List<String> arguments, List<String> options, ConfigurableEnvironment environment, PrintStream out,
			InputStream in, @Nullable ConfigurableApplicationContext applicationContext) {
		this.arguments = List.copyOf(arguments);
		this.options = List.copyOf(options);
		this.environment = environment;
		this.out = out;
		this.in = in;
		this.applicationContext = applicationContext;
	}

	/**
	 * Return the arguments after the command name, options of the form
	 * {@code --name=value} excluded.
	 * @return the arguments
	 */
	public List<String> getArguments() {
		return this.arguments;
	}

	/**
	 * Whether an option was given on the command line, as {@code --name} or
	 * {@code --name=value}.
	 * @param name the option name, without the leading hyphens
	 * @return {@code true} if the option was given
	 */
	public boolean hasOption(String name) {
		return this.options.stream()
			.anyMatch((option) -> option.equals("--" + name) || option.startsWith("--" + name + "="));
	}

	/**
	 * Return the value of an option given as {@code --name=value}.
	 * @param name the option name, without the leading hyphens
	 * @return the value of its last occurrence, or {@code null} if it was not given with
	 * a value
	 */
	public @Nullable String getOption(String name) {
		String prefix = "--" + name + "=";
		String value = null;
		for (String option : this.options) {
			if (option.startsWith(prefix)) {
				value = option.substring(prefix.length());
			}
		}
		return value;
	}

	/**
	 * Return the application's environment.
	 * @return the environment
	 */
	public ConfigurableEnvironment getEnvironment() {
		return this.environment;
	}

	/**
	 * Return the starter's properties, bound from the environment.
	 * @return the properties
	 */
	public SecretEncryptionProperties getProperties() {
		return Binder.get(this.environment).bindOrCreate("secret-encryption", SecretEncryptionProperties.class);
	}

	/**
	 * Return the stream for results: the process's standard output. Logs go to standard
	 * error while a command runs.
	 * @return the output stream
	 */
	public PrintStream getOut() {
		return this.out;
	}

	/**
	 * Return the process's standard input.
	 * @return the input stream
	 */
	public InputStream getIn() {
		return this.in;
	}

	/**
	 * Return the application context of a command that needs one.
	 * @return the application context
	 * @throws IllegalStateException if the command runs without one
	 */
	public ConfigurableApplicationContext getApplicationContext() {
		if (this.applicationContext == null) {
			throw new IllegalStateException("Command runs without an application context; "
					+ "return true from needsApplicationContext() to get one");
		}
		return this.applicationContext;
	}

}
