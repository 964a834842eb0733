package io.github.secretencryption;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when an encrypted configuration value, written as {@code ENC(...)},
 * cannot be decrypted. It names the property, the property source and, if known, the file
 * and line; it never carries the value, encrypted or not.
 *
 * @since 0.1.0
 */
public class EncryptedPropertyException extends SecretEncryptionException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String propertyName;

	private final String propertySourceName;

	private final @Nullable String origin;

	private final String action;

	/**
	 * Create a new exception.
	 * @param problem what is wrong, naming the property and its source
	 * @param action what the operator should do
	 * @param propertyName name of the property
	 * @param propertySourceName name of the property source that holds it
	 * @param origin where the value was read from (file and line), if known
	 * @param location the key, if known
	 */
	public EncryptedPropertyException(String problem, String action, String propertyName, String propertySourceName,
			@Nullable String origin, @Nullable SecretLocation location) {
		super(problem, location);
		this.propertyName = propertyName;
		this.propertySourceName = propertySourceName;
		this.origin = origin;
		this.action = action;
	}

	/**
	 * Return the name of the property.
	 * @return the property name
	 */
	public String getPropertyName() {
		return this.propertyName;
	}

	/**
	 * Return the name of the property source that holds the value.
	 * @return the property source name
	 */
	public String getPropertySourceName() {
		return this.propertySourceName;
	}

	/**
	 * Return where the value was read from, such as a file and line.
	 * @return the origin, or {@code null} if unknown
	 */
	public @Nullable String getOrigin() {
		return this.origin;
	}

	/**
	 * Return what the operator should do.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

	@Override
	public EncryptedPropertyException at(SecretLocation location) {
		SecretLocation known = getLocation();
		return new EncryptedPropertyException(getProblem(), this.action, this.propertyName, this.propertySourceName,
				this.origin, (known != null) ? known.merge(location) : location);
	}

}
