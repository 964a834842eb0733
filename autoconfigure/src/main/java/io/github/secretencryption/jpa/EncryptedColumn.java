package io.github.secretencryption.jpa;

import java.nio.charset.StandardCharsets;

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
 * @since 0.1.0
 */
public record EncryptedColumn(String entity, String attribute, String table, String column, String keyName,
		String associatedData, @Nullable String primaryKeyColumn) {

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
