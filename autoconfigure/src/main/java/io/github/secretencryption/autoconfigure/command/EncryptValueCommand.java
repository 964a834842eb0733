package io.github.secretencryption.autoconfigure.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.github.secretencryption.autoconfigure.EncryptedConfigValues;
import io.github.secretencryption.autoconfigure.SecretEncryptionProperties;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jasypt.ConfigValueEncryptor;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyFileException;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyRing;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * {@code encrypt-value}: reads one configuration value from standard input and prints it
 * encrypted for this install, as {@code ENC(se1:...)}, on standard output. The value is
 * never taken from the command line, where the shell history and the process list would
 * keep it. One line break at the end of the input is not part of the value.
 * <p>
 * The value is encrypted under the primary key of configuration values. With
 * {@code secret-encryption.key-source=files} the command creates that key if it does not
 * exist yet, as the application's first start would; with {@code mounted} it only loads
 * the key the platform provides, with the application's checks, and never writes to the
 * key directory. Errors go to standard error, so standard output holds nothing but the
 * encrypted value.
 *
 * @since 0.1.0
 */
public final class EncryptValueCommand implements SecretEncryptionCommand {

	private static final Log logger = LogFactory.getLog(EncryptValueCommand.class);

	private static final String EXAMPLE = "printf '%s' \"$VALUE\" | java -jar app.jar encrypt-value";

	@Override
	public String name() {
		return "encrypt-value";
	}

	@Override
	public String description() {
		return "Encrypt a configuration value read from standard input and print it as ENC(...) for this install";
	}

	@Override
	public String usage() {
		return "printf '%s' \"$VALUE\" | java -jar app.jar encrypt-value";
	}

	@Override
	public int maxArguments() {
		return Integer.MAX_VALUE;
	}

	@Override
	public int run(CommandContext context) throws IOException {
		PrintStream errors = System.err;
		if (!context.getArguments().isEmpty()) {
			// A wrong command line, so exit code 2 as for every command
			fail(errors, "takes no value on the command line, where the shell history and the process list "
					+ "would keep it; pipe the value into standard input instead: " + EXAMPLE);
			return 2;
		}
		ClassLoader classLoader = EncryptValueCommand.class.getClassLoader();
		if (!EncryptedConfigValues.isJasyptPresent(classLoader)) {
			return fail(errors, "needs com.github.ulisesbocchio:jasypt-spring-boot-starter on the class path, "
					+ "which decrypts ENC(...) values; add it to the application's dependencies");
		}
		String keyName = EncryptedConfigValues.keyName(context.getEnvironment(), classLoader);
		if (keyName == null) {
			return fail(errors, "has nothing to do: encrypted configuration values are off "
					+ "(secret-encryption.config.enabled=false, or jasypt.encryptor.bean names another bean)");
		}
		SecretEncryptionProperties properties = context.getProperties();
		Path directory = properties.getKeyDirectory();
		if (directory == null) {
			return fail(errors, "secret-encryption.key-directory is not set; set it to the directory of the key files");
		}
		String value = readValue(context);
		if (value == null) {
			return fail(errors, "standard input is not valid UTF-8");
		}
		if (value.isEmpty()) {
			return fail(errors, "standard input is empty; pipe the value in, as in " + EXAMPLE);
		}
		try {
			// In mounted mode this only loads the key: the store never writes there
			KeyFileStore store = new KeyFileStore(directory, properties.getKeySource());
			boolean existed = Files.exists(store.fileOf(keyName), LinkOption.NOFOLLOW_LINKS);
			EncryptionKey key = store.loadOrCreate(keyName);
			if (!existed) {
				// A mistyped key directory would otherwise give a value no install can
				// read
				errors.println("[NEW KEY] encrypt-value created " + key.getFile()
						+ ": the value decrypts only with this new key. If the application already has keys, run "
						+ "again with its secret-encryption.key-directory");
			}
			ConfigValueEncryptor encryptor = new ConfigValueEncryptor(new AesGcmEncryptor(KeyRing.of(List.of(key))),
					keyName);
			context.getOut()
				.println(EncryptedConfigValues.syntax(context.getEnvironment()).mark(encryptor.encrypt(value)));
			logger.info("Encrypted a value with key '" + keyName + "' (id " + key.getId() + ") from " + key.getFile());
			return 0;
		}
		catch (KeyFileException ex) {
			String action = ex.getAction();
			return fail(errors, ex.getProblem() + "; " + Character.toLowerCase(action.charAt(0)) + action.substring(1));
		}
		catch (IllegalArgumentException ex) {
			return fail(errors, "secret-encryption.config.key-name is invalid: " + ex.getMessage());
		}
	}

	private static @Nullable String readValue(CommandContext context) throws IOException {
		logger.info("Reading the value to encrypt from standard input");
		byte[] bytes = context.getIn().readAllBytes();
		try {
			String value = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			if (value.endsWith("\r\n")) {
				return value.substring(0, value.length() - 2);
			}
			return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
		}
		catch (CharacterCodingException ex) {
			return null;
		}
		finally {
			Arrays.fill(bytes, (byte) 0);
		}
	}

	private int fail(PrintStream errors, String message) {
		errors.println("[FAIL] " + name() + ": " + message);
		return 1;
	}

}
