package io.github.secretencryption;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where an encrypted value lives: the key that protects it and, for a column, the entity,
 * attribute, table, column and row. Every part is optional and none of them is secret.
 *
 * @param keyName name of the key
 * @param keyId id of the key, as eight hexadecimal digits
 * @param entity entity name
 * @param attribute attribute name
 * @param table physical table name
 * @param column physical column name
 * @param primaryKey primary key of the row, as text
 * @since 0.1.0
 */
public record SecretLocation(@Nullable String keyName, @Nullable String keyId, @Nullable String entity,
		@Nullable String attribute, @Nullable String table, @Nullable String column,
		@Nullable String primaryKey) implements Serializable {

	/**
	 * Location of a value under a key.
	 * @param keyName name of the key
	 * @param keyId id of the key, or {@code null} if unknown
	 * @return the location
	 */
	public static SecretLocation ofKey(String keyName, @Nullable String keyId) {
		return new SecretLocation(keyName, keyId, null, null, null, null, null);
	}

	/**
	 * Return this location with the parts of {@code other} that this one lacks.
	 * @param other the location to take missing parts from
	 * @return the merged location
	 */
	public SecretLocation merge(SecretLocation other) {
		return new SecretLocation(pick(this.keyName, other.keyName), pick(this.keyId, other.keyId),
				pick(this.entity, other.entity), pick(this.attribute, other.attribute), pick(this.table, other.table),
				pick(this.column, other.column), pick(this.primaryKey, other.primaryKey));
	}

	private static @Nullable String pick(@Nullable String first, @Nullable String second) {
		return (first != null) ? first : second;
	}

	@Override
	public String toString() {
		List<String> parts = new ArrayList<>();
		add(parts, "key", this.keyName);
		add(parts, "key id", this.keyId);
		if (this.entity != null) {
			parts.add("attribute " + this.entity + "." + this.attribute);
		}
		if (this.table != null) {
			parts.add("column " + this.table + "." + this.column);
		}
		add(parts, "primary key", this.primaryKey);
		return String.join(", ", parts);
	}

	private static void add(List<String> parts, String label, @Nullable String value) {
		if (value != null) {
			parts.add(label + " " + value);
		}
	}

}
