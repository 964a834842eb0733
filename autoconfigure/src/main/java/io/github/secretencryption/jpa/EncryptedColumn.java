package io.github.secretencryption.jpa;

import java.nio.charset.StandardCharsets;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import org.jspecify.annotations.Nullable;

/**
 * One encrypted column, as recorded when Hibernate binds an
 * {@link io.github.secretencryption.Encrypted} attribute.
 *
 * @param entity entity name
 * @param attribute attribute name
 * @param table physical table name, lower-case, without schema or quotes
 * @param column physical column name, lower-case, without quotes
 * @param keyName name of the key that encrypts the column
 * @param associatedData associated data every value of the column is bound to
 * @param primaryKeyColumn physical primary key column, or {@code null} when the entity
 * has a composite primary key
 * @param maxLength longest plaintext, in {@code char}s, from {@code @Size(max = ...)} or
 * {@code @Encrypted(maxLength = ...)}, or a negative number if unknown
 * @since 0.1.0
 */
public record EncryptedColumn(String entity, String attribute, String table, String column, String keyName,
		String associatedData, @Nullable String primaryKeyColumn, int maxLength) {

	/**
	 * Create a column whose longest plaintext is unknown.
	 * @param entity entity name
	 * @param attribute attribute name
	 * @param table physical table name
	 * @param column physical column name
	 * @param keyName name of the key that encrypts the column
	 * @param associatedData associated data of every value of the column
	 * @param primaryKeyColumn physical primary key column, or {@code null}
	 */
	public EncryptedColumn(String entity, String attribute, String table, String column, String keyName,
			String associatedData, @Nullable String primaryKeyColumn) {
		this(entity, attribute, table, column, keyName, associatedData, primaryKeyColumn, -1);
	}

	/**
	 * Return the length of the longest stored value of the column, for a plaintext of
	 * {@link #maxLength()} {@code char}s of which each takes up to 3 bytes in UTF-8 (a
	 * character outside the Basic Multilingual Plane is 2 {@code char}s and 4 bytes).
	 * @return the number of characters, or a negative number if the longest plaintext is
	 * unknown
	 */
	public long maxStoredLength() {
		return (this.maxLength < 0) ? -1 : AesGcmEncryptor.storedLength(3L * this.maxLength);
	}

	/**
	 * Return the associated data as bytes.
	 * @return the UTF-8 bytes of the associated data
	 */
	public byte[] associatedDataBytes() {
		return this.associatedData.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Canonical associated data of a column: {@code table.column}, lower-case, without
	 * schema or quotes.
	 * @param table the table name
	 * @param column the column name
	 * @return the associated data
	 */
	public static String canonicalAssociatedData(String table, String column) {
		return canonical(table) + "." + canonical(column);
	}

	static String canonical(String name) {
		String unquoted = name.replace("`", "").replace("\"", "").replace("[", "").replace("]", "");
		int dot = unquoted.lastIndexOf('.');
		return ((dot >= 0) ? unquoted.substring(dot + 1) : unquoted).toLowerCase(java.util.Locale.ROOT);
	}

}
