package io.github.secretencryption.jpa;

/**
 * What reading a value without the prefix of any format version from an encrypted column
 * does. Such a value is legacy plaintext, written before the column was encrypted.
 *
 * @since 0.1.0
 */
public enum PlaintextReads {

	/**
	 * Fail the read with a {@link io.github.secretencryption.NotEncryptedValueException}.
	 */
	REJECT,

	/**
	 * Return the value as it is, log a warning that names the column and row, and count
	 * the read. Meant for the time between encrypting a column's new values and
	 * re-encrypting its old rows.
	 */
	ALLOW

}
