package io.github.secretencryption.jdbc;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.github.secretencryption.KeyLossException;
import io.github.secretencryption.jpa.EncryptedColumn;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyId;
import io.github.secretencryption.keys.KeyRing;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Stops a start whose keys cannot read what the database already holds. For each key name
 * it compares the loaded keys with the key ids recorded in {@link KeyIdRecords} and,
 * where nothing is recorded yet, with the key ids of stored values. When a known key id
 * is not loaded, a key file is missing or was replaced (or the process uses its own,
 * freshly created key directory), and the start fails with a {@link KeyLossException}
 * naming the file, the affected columns and the number of stored values, unless the
 * operator accepted the loss of that key name, which removes the lost ids' records. The
 * records are read again after this process recorded its own key ids, so that of two
 * processes with different keys that start at the same moment on one database, neither
 * goes on.
 *
 * @since 0.1.0
 */
public final class KeyLossGuard {

	private static final Log logger = LogFactory.getLog(KeyLossGuard.class);

	private static final int SAMPLE_SIZE = 100;

	private final KeyIdRecords records;

	private final Set<String> acceptedLosses;

	private final Set<String> notInDatabase;

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	/**
	 * Create a guard.
	 * @param records the key id records
	 * @param acceptedLosses key names whose old keys the operator declared lost for good
	 * @param notInDatabase key names whose values never live in the database (the key of
	 * configuration values), which are neither checked nor recorded
	 */
	public KeyLossGuard(KeyIdRecords records, Set<String> acceptedLosses, Set<String> notInDatabase) {
		this.records = records;
		this.acceptedLosses = Set.copyOf(acceptedLosses);
		this.notInDatabase = Set.copyOf(notInDatabase);
	}

	/**
	 * Check every key name of a key ring that protects database values, and record its
	 * key ids.
	 * @param keyRing the loaded keys
	 * @param columns every encrypted column
	 * @throws KeyLossException if a key name's stored values cannot be read with its keys
	 */
	public void check(KeyRing keyRing, List<EncryptedColumn> columns) {
		for (String name : databaseKeyNames(keyRing)) {
			check(name, keyRing.getKeys(name),
					columns.stream().filter((column) -> column.keyName().equals(name)).toList());
		}
	}

	private List<String> databaseKeyNames(KeyRing keyRing) {
		return keyRing.getNames().stream().filter((name) -> !this.notInDatabase.contains(name)).toList();
	}

	private void check(String name, List<EncryptionKey> keys, List<EncryptedColumn> columns) {
		Set<KeyId> loaded = keys.stream()
			.map(EncryptionKey::getId)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		EncryptionKey primary = keys.get(0);
		Set<KeyId> recorded = this.records.find(name);
		Set<KeyId> known = new LinkedHashSet<>(recorded);
		if (known.isEmpty()) {
			for (EncryptedColumn column : columns) {
				known.addAll(this.records.sampleKeyIds(column, SAMPLE_SIZE));
			}
		}
		Set<KeyId> unreadable = difference(known, loaded);
		if (!unreadable.isEmpty()) {
			if (!this.acceptedLosses.contains(name)) {
				throw lost(name, primary, loaded, unreadable, columns);
			}
			logger.warn("Key '" + name + "' with id " + primary.getId() + " replaces lost key id(s) " + unreadable
					+ ", as secret-encryption.key-registry.accept-key-loss allows; values under the lost ids stay "
					+ "unreadable until they are provisioned again");
			for (KeyId id : unreadable) {
				this.records.remove(name, id);
			}
		}
		Set<KeyId> added = difference(loaded, recorded);
		for (KeyId id : added) {
			this.records.record(name, id);
		}
		// Another process with other keys may have recorded them since the records were
		// read: then neither may go on, and this one takes back what it just recorded
		Set<KeyId> others = difference(this.records.find(name), loaded);
		if (!others.isEmpty()) {
			for (KeyId id : added) {
				this.records.remove(name, id);
			}
			throw lost(name, primary, loaded, others, columns);
		}
		for (KeyId id : loaded) {
			this.seen.add(name + "/" + id);
		}
	}

	private static Set<KeyId> difference(Set<KeyId> ids, Set<KeyId> removed) {
		Set<KeyId> difference = new LinkedHashSet<>(ids);
		difference.removeAll(removed);
		return difference;
	}

	/**
	 * Record the key ids of a key ring's key names that protect database values and that
	 * this guard has not seen before, as when keys were added while the application runs.
	 * A key seen before is never recorded again: once {@code retire-key} removed its
	 * record, it stays loaded in this process until it ends, but no later start needs it.
	 * @param keyRing the keys in use
	 */
	public void record(KeyRing keyRing) {
		for (String name : databaseKeyNames(keyRing)) {
			for (EncryptionKey key : keyRing.getKeys(name)) {
				if (this.seen.add(name + "/" + key.getId())) {
					this.records.record(name, key.getId());
				}
			}
		}
	}

	private KeyLossException lost(String name, EncryptionKey primary, Set<KeyId> loaded, Set<KeyId> unreadable,
			List<EncryptedColumn> columns) {
		Path file = primary.getFile();
		List<String> affected = new ArrayList<>();
		for (EncryptedColumn column : columns) {
			long count = this.records.countValues(column);
			if (count > 0) {
				affected
					.add(column.table() + "." + column.column() + " (" + count + ((count == 1) ? " row)" : " rows)"));
			}
		}
		String where = affected.isEmpty() ? "no encrypted column holds values under it yet"
				: "stored values in " + String.join(", ", affected) + " cannot be read without it";
		String problem = "Key '" + name + "' in " + file + " has id " + primary.getId()
				+ ((loaded.size() > 1) ? " (loaded key ids " + loaded + ")" : "")
				+ ", but the database knows this key name under key id(s) " + unreadable + " too, and " + where
				+ ". A key file is missing or was replaced, or another process "
				+ "that uses this database has a key directory of its own";
		Path directory = (file != null) ? file.getParent() : null;
		String restore = file + ((directory != null)
				? " or " + directory.resolve(name + ".<key id>.key") + " of each missing key id" : "");
		String written = writtenSinceStart(file)
				? " (" + file + " was written after this process started: "
						+ "most likely this start created it in place of a missing key, so let the restore replace it)"
				: "";
		String action = "Stop, restore " + restore + " from the backup that belongs to this database" + written
				+ " (every process that uses the database must use the same key files), and start again. Only if "
				+ "the keys are lost for good, set secret-encryption.key-registry.accept-key-loss=" + name
				+ " to start without them and provision the affected secrets again";
		return new KeyLossException(problem, action, name, file);
	}

	/**
	 * Return whether a key file was written after this process started, as a key that
	 * this start created in place of a missing one was.
	 */
	private static boolean writtenSinceStart(@Nullable Path file) {
		if (file == null) {
			return false;
		}
		try {
			Instant written = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
			return !written.isBefore(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		return "KeyLossGuard[accepted losses " + this.acceptedLosses + "]";
	}

}
