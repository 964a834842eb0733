package io.github.secretencryption.autoconfigure;

import com.ulisesbocchio.jasyptspringboot.EncryptablePropertySource;
import io.github.secretencryption.EncryptedPropertyException;
import io.github.secretencryption.SecretEncryptionException;
import io.github.secretencryption.SecretLocation;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jasypt.ConfigValueEncryptor;
import io.github.secretencryption.jasypt.EncryptedValueSyntax;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.PropertySourcesPropertyResolver;

/**
 * Decrypts every encrypted value in every enumerable property source of an environment,
 * so that a value that cannot be decrypted stops startup with an
 * {@link EncryptedPropertyException} naming the property and its source, before anything
 * uses it. Values are read from the property sources as they were before Jasypt wrapped
 * them.
 */
final class EncryptedPropertyCheck {

	private static final Log logger = LogFactory.getLog(EncryptedPropertyCheck.class);

	private final ConfigValueEncryptor encryptor;

	EncryptedPropertyCheck(ConfigValueEncryptor encryptor) {
		this.encryptor = encryptor;
	}

	/**
	 * Check every encrypted value.
	 * @param environment the environment
	 * @return the number of encrypted values
	 * @throws EncryptedPropertyException for the first value that cannot be decrypted
	 */
	int check(ConfigurableEnvironment environment) {
		MutablePropertySources sources = new MutablePropertySources();
		environment.getPropertySources().forEach((source) -> sources.addLast(unwrap(source)));
		PropertySourcesPropertyResolver resolver = new PropertySourcesPropertyResolver(sources);
		EncryptedValueSyntax syntax = EncryptedConfigValues.syntax(resolver);
		int count = 0;
		for (PropertySource<?> source : sources) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (enumerable.getProperty(name) instanceof String value && value.contains(syntax.prefix())) {
						count += check(enumerable, name, value, syntax, resolver) ? 1 : 0;
					}
				}
			}
		}
		if (count > 0) {
			logger.info("Decrypted " + count + " encrypted configuration value" + ((count != 1) ? "s" : "")
					+ " with key '" + this.encryptor.getKeyName() + "'");
		}
		return count;
	}

	private boolean check(EnumerablePropertySource<?> source, String name, String value, EncryptedValueSyntax syntax,
			PropertySourcesPropertyResolver resolver) {
		if (!syntax.isMarked(value)) {
			if (value.contains(syntax.prefix() + AesGcmEncryptor.PREFIX)) {
				throw new EncryptedPropertyException(
						describe(source, name) + " holds an encrypted value inside other text, which is never "
								+ "decrypted: only a whole value of the form " + syntax.mark("...") + " is",
						"Move the encrypted value into a property of its own and refer to it with a placeholder, "
								+ "as in url=jdbc:postgresql://db.example.com/app?password=${app.db-password}",
						name, source.getName(), origin(source, name), null);
			}
			return false;
		}
		try {
			this.encryptor.decrypt(resolver.resolvePlaceholders(syntax.unmark(value)));
			if (logger.isDebugEnabled()) {
				logger.debug(describe(source, name) + " decrypts with key '" + this.encryptor.getKeyName() + "'");
			}
			return true;
		}
		catch (SecretEncryptionException ex) {
			throw new EncryptedPropertyException(describe(source, name) + " cannot be decrypted. " + ex.getProblem(),
					"Replace the value with the output of the encrypt-value command run on this install (it reads "
							+ "the value from standard input), or restore the key '" + this.encryptor.getKeyName()
							+ "' that made it into the key directory. Every encrypted value in every property "
							+ "source must decrypt, even one that another property source overrides",
					name, source.getName(), origin(source, name), locationOf(ex));
		}
	}

	private @Nullable SecretLocation locationOf(SecretEncryptionException ex) {
		SecretLocation location = ex.getLocation();
		return (location != null) ? location : SecretLocation.ofKey(this.encryptor.getKeyName(), null);
	}

	private static String describe(PropertySource<?> source, String name) {
		String origin = origin(source, name);
		return "Property '" + name + "' from property source '" + source.getName() + "'"
				+ ((origin != null) ? " (" + origin + ")" : "");
	}

	@SuppressWarnings("unchecked")
	private static @Nullable String origin(PropertySource<?> source, String name) {
		if (source instanceof OriginLookup<?> lookup) {
			Origin origin = ((OriginLookup<String>) lookup).getOrigin(name);
			return (origin != null) ? origin.toString() : null;
		}
		return null;
	}

	private static PropertySource<?> unwrap(PropertySource<?> source) {
		PropertySource<?> unwrapped = source;
		while (unwrapped instanceof EncryptablePropertySource<?> encryptable) {
			unwrapped = encryptable.getDelegate();
		}
		return unwrapped;
	}

}
