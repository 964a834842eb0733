package io.github.secretencryption.jasypt;

/**
 * How an encrypted value is marked in configuration: the whole value, white space around
 * it aside, is the prefix, the encrypted value and the suffix, as in
 * {@code ENC(se1:...)}.
 *
 * @param prefix text before the encrypted value
 * @param suffix text after the encrypted value
 * @since 0.1.0
 */
public record EncryptedValueSyntax(String prefix, String suffix) {

	/**
	 * Jasypt's default syntax, {@code ENC(...)}.
	 */
	public static final EncryptedValueSyntax DEFAULT = new EncryptedValueSyntax("ENC(", ")");

	/**
	 * Create a syntax.
	 * @param prefix text before the encrypted value
	 * @param suffix text after the encrypted value
	 */
	public EncryptedValueSyntax {
		if (prefix.isEmpty()) {
			throw new IllegalArgumentException("Prefix of encrypted values must not be empty");
		}
	}

	/**
	 * Whether a configuration value is marked as encrypted.
	 * @param value the configuration value
	 * @return {@code true} if the trimmed value starts with the prefix and ends with the
	 * suffix
	 */
	public boolean isMarked(String value) {
		String trimmed = value.trim();
		return trimmed.length() >= this.prefix.length() + this.suffix.length() && trimmed.startsWith(this.prefix)
				&& trimmed.endsWith(this.suffix);
	}

	/**
	 * Return the encrypted value inside a marked configuration value.
	 * @param value a configuration value for which {@link #isMarked(String)} is true
	 * @return the encrypted value
	 */
	public String unmark(String value) {
		String trimmed = value.trim();
		return trimmed.substring(this.prefix.length(), trimmed.length() - this.suffix.length());
	}

	/**
	 * Mark an encrypted value for use in configuration.
	 * @param encrypted the encrypted value
	 * @return the configuration value
	 */
	public String mark(String encrypted) {
		return this.prefix + encrypted + this.suffix;
	}

}
