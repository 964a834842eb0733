package io.github.secretencryption.jpa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every encrypted column that Hibernate has bound, across all persistence units that use
 * the same {@link HibernateEncryption}. Key checks, migrations and status reports read
 * it.
 *
 * @since 0.1.0
 */
public final class EncryptedColumnRegistry {

	private final Map<String, Supplier<EncryptedColumn>> columns = new ConcurrentHashMap<>();

	void register(String entity, String attribute, Supplier<EncryptedColumn> column) {
		this.columns.put(entity + "#" + attribute, column);
	}

	/**
	 * Return every encrypted column, ordered by table and column.
	 * @return the columns
	 */
	public List<EncryptedColumn> getColumns() {
		List<EncryptedColumn> result = new ArrayList<>();
		this.columns.values().forEach((column) -> result.add(column.get()));
		result.sort(Comparator.comparing(EncryptedColumn::table).thenComparing(EncryptedColumn::column));
		return result;
	}

	/**
	 * Return the encrypted columns under one key name.
	 * @param keyName the key name
	 * @return the columns
	 */
	public List<EncryptedColumn> getColumns(String keyName) {
		return getColumns().stream().filter((column) -> column.keyName().equals(keyName)).toList();
	}

	@Override
	public String toString() {
		return "EncryptedColumnRegistry[" + this.columns.size() + " columns]";
	}

}
