package io.github.secretencryption.jackson;

import io.github.secretencryption.PlaceholderValueException;
import io.github.secretencryption.SecretLocation;
import org.jspecify.annotations.Nullable;

/**
 * The masking placeholder and the scope in which it replaces secrets.
 * <p>
 * Masking is off by default, so that a cache, a message broker or an outbound HTTP call
 * that serializes an object with the same mapper carries the real value. The web
 * integration turns it on for the current thread just before a controller's response body
 * is written, and off again when the request ends. Anything may turn it on around a block
 * with {@link #mask(Runnable)}.
 * <p>
 * On input, {@link #resolve(String, String, String)} turns a placeholder sent back in an
 * update into the stored secret.
 *
 * @since 0.1.0
 */
public final class SecretMasking {

	/**
	 * Default placeholder.
	 */
	public static final String DEFAULT_PLACEHOLDER = "MASKED";

	private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

	private final String placeholder;

	/**
	 * Create an instance with the given placeholder.
	 * @param placeholder the text written instead of a secret
	 */
	public SecretMasking(String placeholder) {
		if (placeholder.isEmpty()) {
			throw new IllegalArgumentException("Masking placeholder must not be empty");
		}
		this.placeholder = placeholder;
	}

	/**
	 * Return the placeholder.
	 * @return the text written instead of a secret
	 */
	public String getPlaceholder() {
		return this.placeholder;
	}

	/**
	 * Whether masking is active on the current thread.
	 * @return {@code true} if secrets are written as the placeholder
	 */
	public static boolean isActive() {
		return Boolean.TRUE.equals(ACTIVE.get());
	}

	/**
	 * Turn masking on for the current thread until {@link #deactivate()}.
	 */
	public static void activate() {
		ACTIVE.set(Boolean.TRUE);
	}

	/**
	 * Turn masking off for the current thread.
	 */
	public static void deactivate() {
		ACTIVE.remove();
	}

	/**
	 * Run an action with masking active on the current thread.
	 * @param action the action
	 */
	public static void mask(Runnable action) {
		boolean wasActive = isActive();
		activate();
		try {
			action.run();
		}
		finally {
			if (!wasActive) {
				deactivate();
			}
		}
	}

	/**
	 * Resolve a secret sent in an update: the placeholder means "keep the stored value".
	 * @param incoming the value the client sent
	 * @param stored the value stored so far
	 * @param field name of the field, for the error message
	 * @return the value to store
	 * @throws PlaceholderValueException if the client sent the placeholder and nothing is
	 * stored yet
	 */
	public @Nullable String resolve(@Nullable String incoming, @Nullable String stored, String field) {
		if (!this.placeholder.equals(incoming)) {
			return incoming;
		}
		if (stored == null) {
			throw placeholderWithoutValue(field);
		}
		return stored;
	}

	/**
	 * Check a secret sent where nothing is stored yet, such as in a create.
	 * @param incoming the value the client sent
	 * @param field name of the field, for the error message
	 * @return the value
	 * @throws PlaceholderValueException if the client sent the placeholder
	 */
	public @Nullable String requireReal(@Nullable String incoming, String field) {
		if (this.placeholder.equals(incoming)) {
			throw placeholderWithoutValue(field);
		}
		return incoming;
	}

	private PlaceholderValueException placeholderWithoutValue(String field) {
		return new PlaceholderValueException("Field '" + field + "' holds the placeholder '" + this.placeholder
				+ "' but no secret is stored to keep; send the real secret (a secret equal to the placeholder "
				+ "cannot be stored)", new SecretLocation(null, null, null, field, null, null, null));
	}

	@Override
	public String toString() {
		return "SecretMasking[placeholder=" + this.placeholder + "]";
	}

}
