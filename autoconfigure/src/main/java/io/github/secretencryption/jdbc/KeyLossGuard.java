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
		// Every key name is checked before anything is written, so that a refused start
		// changes no record
		List<Check> checks = new ArrayList<>();
		List<KeyLossException> refusals = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		for (String name : databaseKeyNames(keyRing)) {
			Check check = check(name, keyRing.getKeys(name),
					columns.stream().filter((column) -> column.keyName().equals(name)).toList());
			if (!check.unreadable().isEmpty() && !this.acceptedLosses.contains(name)) {
				refusals.add(lost(check, check.unreadable()));
				refused.add(name);
			}
			checks.add(check);
		}
		if (!refusals.isEmpty()) {
			throw combined(refusals, refused);
		}
		List<Check> recorded = new ArrayList<>();
		for (Check check : checks) {
			record(check);
			recorded.add(check);
			// Another process with other keys may have recorded them since the records
			// were read: then neither may go on, and this one takes back what it recorded
			Set<KeyId> others = difference(this.records.find(check.name()), check.loaded());
			if (!others.isEmpty()) {
				for (Check done : recorded) {
					for (KeyId id : done.added()) {
						this.records.remove(done.name(), id);
					}
				}
				throw lost(check, others);
			}
		}
		for (Check check : checks) {
			for (KeyId id : check.loaded()) {
				see(check.name(), id);
			}
		}
	}

	private List<String> databaseKeyNames(KeyRing keyRing) {
		return keyRing.getNames().stream().filter((name) -> !this.notInDatabase.contains(name)).toList();
	}

	private Check check(String name, List<EncryptionKey> keys, List<EncryptedColumn> columns) {
		Set<KeyId> loaded = keys.stream()
			.map(EncryptionKey::getId)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Set<KeyId> recorded = this.records.find(name);
		Set<KeyId> known = new LinkedHashSet<>(recorded);
		if (known.isEmpty()) {
			for (EncryptedColumn column : columns) {
				known.addAll(this.records.sampleKeyIds(column, SAMPLE_SIZE));
			}
		}
		return new Check(name, keys.get(0), loaded, difference(known, loaded), difference(loaded, recorded), columns);
	}

	private void record(Check check) {
		if (!check.unreadable().isEmpty()) {
			logger.warn("Key '" + check.name() + "' with id " + check.primary().getId() + " replaces lost key id(s) "
					+ check.unreadable() + ", as secret-encryption.key-registry.accept-key-loss allows; values "
					+ "under the lost ids stay unreadable until they are provisioned again");
			for (KeyId id : check.unreadable()) {
				this.records.remove(check.name(), id);
			}
		}
		for (KeyId id : check.added()) {
			this.records.record(check.name(), id);
		}
	}

	private static KeyLossException combined(List<KeyLossException> refusals, List<String> names) {
		if (refusals.size() == 1) {
			return refusals.get(0);
		}
		String problem = refusals.stream().map(KeyLossException::getProblem).collect(Collectors.joining(". "));
		String action = refusals.stream().map(KeyLossException::getAction).collect(Collectors.joining(". "));
		return new KeyLossException(problem, action, String.join(",", names), refusals.get(0).getFile());
	}

	/**
	 * Note that this guard has seen a key, and return whether it had not before.
	 */
	private boolean see(String name, KeyId id) {
		return this.seen.add(name + "/" + id);
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
				if (see(name, key.getId())) {
					this.records.record(name, key.getId());
				}
			}
		}
	}

	private KeyLossException lost(Check check, Set<KeyId> unreadable) {
		String name = check.name();
		EncryptionKey primary = check.primary();
		Set<KeyId> loaded = check.loaded();
		List<EncryptedColumn> columns = check.columns();
		Path file = primary.getFile();
		List<String> affected = new ArrayList<>();
		for (EncryptedColumn column : columns) {
			long count = this.records.countValuesUnder(column, unreadable);
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

	/**
	 * What the check of one key name found.
	 *
	 * @param name the key name
	 * @param primary its primary key
	 * @param loaded the ids of its loaded keys
	 * @param unreadable known ids that no loaded key has
	 * @param added loaded ids not recorded yet
	 * @param columns its encrypted columns
	 */
	private record Check(String name, EncryptionKey primary, Set<KeyId> loaded, Set<KeyId> unreadable, Set<KeyId> added,
			List<EncryptedColumn> columns) {

	}

	@Override
	public String toString() {
		return "KeyLossGuard[accepted losses " + this.acceptedLosses + "]";
	}

}
