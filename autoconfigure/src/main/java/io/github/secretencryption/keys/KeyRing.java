package io.github.secretencryption.keys;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Every loaded key, grouped by key name. Each name has one primary key, which encrypts
 * new values, and may keep older keys for decryption. Names are kept apart: a value
 * encrypted under one name is only ever decrypted with that name's keys, and no two names
 * share a key or a key id.
 * <p>
 * A key ring made by {@link #of(List)} or {@link #of(List, List)} never changes. A
 * {@linkplain #live(Supplier) live} key ring answers every call from the newest key ring
 * of its source, so that beans holding it see keys that were added while the application
 * runs.
 *
 * @since 0.1.0
 */
public final class KeyRing {

	private final Map<String, NamedKeys> keys;

	private final @Nullable Supplier<KeyRing> source;

	private KeyRing(Map<String, NamedKeys> keys) {
		this.keys = keys;
		this.source = null;
	}

	private KeyRing(Supplier<KeyRing> source) {
		this.keys = Map.of();
		this.source = source;
	}

	/**
	 * Create a key ring that answers every call from the key ring its source supplies at
	 * that moment.
	 * @param source supplies the current key ring
	 * @return the live key ring
	 */
	public static KeyRing live(Supplier<KeyRing> source) {
		return new KeyRing(source);
	}

	/**
	 * Return the keys as they are now: this key ring itself, or for a live key ring the
	 * current key ring of its source.
	 * @return a key ring that never changes
	 */
	public KeyRing snapshot() {
		return (this.source != null) ? this.source.get().snapshot() : this;
	}

	/**
	 * Create a key ring with one primary key per name and no other keys.
	 * @param primaries the keys
	 * @return the key ring
	 * @throws IllegalArgumentException if a name is given twice, or if two names have the
	 * same key or keys with the same id
	 */
	public static KeyRing of(List<EncryptionKey> primaries) {
		Map<String, NamedKeys> keys = new LinkedHashMap<>();
		for (EncryptionKey key : primaries) {
			if (keys.containsKey(key.getName())) {
				throw new IllegalArgumentException("Key name '" + key.getName() + "' is given more than once");
			}
			keys.put(key.getName(), new NamedKeys(key, Map.of(key.getId(), key)));
		}
		Clash clash = findClash(primaries);
		if (clash != null) {
			throw new IllegalArgumentException("Keys " + describe(clash.first()) + " and " + describe(clash.second())
					+ (clash.sameBytes() ? " are the same key" : " have the same key id " + clash.first().getId())
					+ "; each key name needs a key of its own");
		}
		return new KeyRing(Collections.unmodifiableMap(keys));
	}

	private static String describe(EncryptionKey key) {
		return "'" + key.getName() + "'" + ((key.getFile() != null) ? " (" + key.getFile() + ")" : "");
	}

	/**
	 * Find two keys of different names that have the same bytes or the same id; keys of
	 * the same name are not compared.
	 * @param keys the keys
	 * @return the first such pair, or {@code null}
	 */
	static @Nullable Clash findClash(List<EncryptionKey> keys) {
		for (int i = 0; i < keys.size(); i++) {
			for (int j = i + 1; j < keys.size(); j++) {
				EncryptionKey first = keys.get(i);
				EncryptionKey second = keys.get(j);
				if (first.getName().equals(second.getName())) {
					continue;
				}
				boolean sameBytes = first.hasSameBytesAs(second);
				if (sameBytes || first.getId().equals(second.getId())) {
					return new Clash(first, second, sameBytes);
				}
			}
		}
		return null;
	}

	/**
	 * Create a key ring with one primary key per name, and older keys that only decrypt
	 * values written before the primary took over.
	 * @param primaries the keys that encrypt new values, one per name
	 * @param decryptOnly the older keys; each one's name must have a primary key
	 * @return the key ring
	 */
	public static KeyRing of(List<EncryptionKey> primaries, List<EncryptionKey> decryptOnly) {
		Map<String, NamedKeys> keys = new LinkedHashMap<>(of(primaries).keys);
		List<EncryptionKey> all = new ArrayList<>(primaries);
		all.addAll(decryptOnly);
		Clash clash = findClash(all);
		if (clash != null) {
			throw new IllegalArgumentException("Keys " + describe(clash.first()) + " and " + describe(clash.second())
					+ (clash.sameBytes() ? " are the same key" : " have the same key id " + clash.first().getId())
					+ "; each key name needs keys of its own");
		}
		for (EncryptionKey key : decryptOnly) {
			NamedKeys named = keys.get(key.getName());
			if (named == null) {
				throw new IllegalArgumentException("Key name '" + key.getName() + "' has no primary key");
			}
			Map<KeyId, EncryptionKey> byId = new LinkedHashMap<>(named.byId());
			if (byId.putIfAbsent(key.getId(), key) != null) {
				throw new IllegalArgumentException(
						"Key id " + key.getId() + " is given more than once for key name '" + key.getName() + "'");
			}
			keys.put(key.getName(), new NamedKeys(named.primary(), Collections.unmodifiableMap(byId)));
		}
		return new KeyRing(Collections.unmodifiableMap(keys));
	}

	/**
	 * Return the names of all keys.
	 * @return the key names, in configuration order
	 */
	public Set<String> getNames() {
		return snapshot().keys.keySet();
	}

	/**
	 * Whether a key name is known.
	 * @param name the key name
	 * @return {@code true} if the ring holds keys under that name
	 */
	public boolean contains(String name) {
		return snapshot().keys.containsKey(name);
	}

	/**
	 * Return the primary key of a name, the one that encrypts new values.
	 * @param name the key name
	 * @return the primary key
	 * @throws IllegalArgumentException if the name is unknown
	 */
	public EncryptionKey getPrimary(String name) {
		return named(name).primary();
	}

	/**
	 * Return the key of a name with the given id.
	 * @param name the key name
	 * @param id the key id
	 * @return the key, or {@code null} if that name has no key with that id
	 */
	public @Nullable EncryptionKey find(String name, KeyId id) {
		return named(name).byId().get(id);
	}

	/**
	 * Return every key of a name, the primary first.
	 * @param name the key name
	 * @return the keys
	 */
	public List<EncryptionKey> getKeys(String name) {
		NamedKeys named = named(name);
		List<EncryptionKey> result = new ArrayList<>();
		result.add(named.primary());
		named.byId().values().stream().filter((key) -> key != named.primary()).forEach(result::add);
		return result;
	}

	private NamedKeys named(String name) {
		Map<String, NamedKeys> current = snapshot().keys;
		NamedKeys named = current.get(name);
		if (named == null) {
			throw new IllegalArgumentException(
					"No key is named '" + name + "'; configured key names are " + current.keySet());
		}
		return named;
	}

	@Override
	public String toString() {
		return "KeyRing" + snapshot().keys.values().stream().map((named) -> named.primary().toString()).toList();
	}

	private record NamedKeys(EncryptionKey primary, Map<KeyId, EncryptionKey> byId) {

	}

	/**
	 * Two keys of different names that are the same key, or have the same id.
	 *
	 * @param first the key listed first
	 * @param second the key listed second
	 * @param sameBytes whether they have the same bytes, not only the same id
	 */
	record Clash(EncryptionKey first, EncryptionKey second, boolean sameBytes) {

	}

}
