package io.github.secretencryption.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Reads the key directory of a running application again, on demand or every interval,
 * and supplies the newest key ring. A reload only ever adds keys: every key id loaded
 * once stays loaded until the process ends, so values written by another process under a
 * key that was added and later retired still decrypt here. The primary key of a name is
 * the one in {@code <name>.key} at the last successful reload; a key only becomes primary
 * this way if it was loaded for reading before or is kept under its id as well, as a
 * promotion does, so that a replaced {@code <name>.key} never starts encrypting.
 * <p>
 * A reload that fails, because a file fails a check or cannot be read, keeps every key in
 * use and records the failure until a later reload succeeds. Reloads never create, change
 * or delete a file, not even in {@link KeySource#FILES files} mode.
 *
 * @since 0.1.0
 */
public final class KeyRingReloader implements Supplier<KeyRing>, AutoCloseable {

	private static final Log logger = LogFactory.getLog(KeyRingReloader.class);

	private final KeyFileStore store;

	private final List<String> names;

	private final List<Consumer<KeyRing>> listeners = new CopyOnWriteArrayList<>();

	private volatile KeyRing current;

	private volatile @Nullable Failure failure;

	private @Nullable ScheduledExecutorService executor;

	/**
	 * Create a reloader that starts from keys loaded already.
	 * @param store the key directory
	 * @param names the key names
	 * @param initial the keys loaded at startup, from the same store and names
	 */
	public KeyRingReloader(KeyFileStore store, List<String> names, KeyRing initial) {
		this.store = store;
		this.names = List.copyOf(names);
		this.current = initial.snapshot();
	}

	/**
	 * Return the newest key ring.
	 * @return the key ring
	 */
	@Override
	public KeyRing get() {
		return this.current;
	}

	/**
	 * Return the key directory.
	 * @return the store
	 */
	public KeyFileStore getStore() {
		return this.store;
	}

	/**
	 * Return the failure of the last reload.
	 * @return the failure, or {@code null} if the last reload succeeded or none ran yet
	 */
	public @Nullable Failure getFailure() {
		return this.failure;
	}

	/**
	 * Add a listener that is called with the new key ring after every reload that changed
	 * it, on the thread that reloaded.
	 * @param listener the listener
	 */
	public void addListener(Consumer<KeyRing> listener) {
		this.listeners.add(listener);
	}

	/**
	 * Read the key directory again and take in what changed.
	 * @return {@code true} if the key ring changed
	 */
	public synchronized boolean reload() {
		KeyRing read;
		KeyRing merged;
		try {
			read = this.store.readKeyRing(this.names);
			merged = merge(this.current, read);
		}
		catch (KeyFileException ex) {
			return failed(ex.getProblem());
		}
		catch (IllegalArgumentException ex) {
			// Raised for keys that clash, with names, files and key ids only
			return failed(ex.getMessage());
		}
		if (this.failure != null) {
			logger.info("Keys in " + this.store.getDirectory() + " reload again");
			this.failure = null;
		}
		List<String> changed = changedNames(this.current, merged);
		if (changed.isEmpty()) {
			return false;
		}
		this.current = merged;
		for (String name : changed) {
			logger.info("Reloaded key '" + name + "': primary key id " + merged.getPrimary(name).getId() + ", key ids "
					+ ids(merged, name));
		}
		for (Consumer<KeyRing> listener : this.listeners) {
			try {
				listener.accept(merged);
			}
			catch (RuntimeException ex) {
				logger.error("Listener of reloaded keys failed", ex);
			}
		}
		return true;
	}

	private boolean failed(@Nullable String problem) {
		Failure previous = this.failure;
		this.failure = new Failure(Instant.now(), Objects.requireNonNullElse(problem, "unknown problem"));
		if (previous == null || !previous.problem().equals(this.failure.problem())) {
			logger.warn("Keys in " + this.store.getDirectory() + " could not be reloaded, so the keys in use "
					+ "are kept: " + this.failure.problem());
		}
		else {
			logger.debug("Keys still cannot be reloaded");
		}
		return false;
	}

	private KeyRing merge(KeyRing current, KeyRing read) {
		List<EncryptionKey> primaries = new ArrayList<>();
		List<EncryptionKey> decryptOnly = new ArrayList<>();
		for (String name : current.getNames()) {
			EncryptionKey primary = read.getPrimary(name);
			KeyId id = primary.getId();
			if (!id.equals(current.getPrimary(name).getId()) && current.find(name, id) == null
					&& !this.store.listKeyIds(name).contains(id)) {
				throw new KeyFileException(name, this.store.fileOf(name),
						"Key file " + this.store.fileOf(name) + " now holds key id " + id + ", which was never kept "
								+ "for reading in " + this.store.fileOf(name, id).getFileName()
								+ ", so it is not taken in; the file was replaced",
						"Restore it from a backup; to change the primary key, use rotate-key");
			}
			primaries.add(primary);
			Map<KeyId, EncryptionKey> others = new LinkedHashMap<>();
			for (EncryptionKey key : current.getKeys(name)) {
				others.put(key.getId(), key);
			}
			for (EncryptionKey key : read.getKeys(name)) {
				EncryptionKey known = others.get(key.getId());
				if (known != null && !known.hasSameBytesAs(key)) {
					throw new IllegalArgumentException("Key file " + key.getFile() + " holds another key than the key "
							+ "with the same id " + key.getId() + " already in use; restore it from a backup");
				}
				others.putIfAbsent(key.getId(), key);
			}
			others.remove(primary.getId());
			decryptOnly.addAll(others.values());
		}
		return KeyRing.of(primaries, decryptOnly);
	}

	private static List<String> changedNames(KeyRing before, KeyRing after) {
		List<String> changed = new ArrayList<>();
		for (String name : after.getNames()) {
			if (!before.getPrimary(name).getId().equals(after.getPrimary(name).getId())
					|| !ids(before, name).equals(ids(after, name))) {
				changed.add(name);
			}
		}
		return changed;
	}

	private static List<KeyId> ids(KeyRing keyRing, String name) {
		return keyRing.getKeys(name)
			.stream()
			.map(EncryptionKey::getId)
			.sorted((a, b) -> a.toString().compareTo(b.toString()))
			.toList();
	}

	/**
	 * Reload every interval on a daemon thread of its own, until {@link #close()}.
	 * @param interval time between the end of one reload and the start of the next
	 * @throws IllegalStateException if reloading was started already
	 */
	public synchronized void start(Duration interval) {
		if (this.executor != null) {
			throw new IllegalStateException("Key reloading is started already");
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "secret-encryption-key-reload");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(1, interval.toMillis());
		executor.scheduleWithFixedDelay(this::reloadQuietly, millis, millis, TimeUnit.MILLISECONDS);
		this.executor = executor;
		logger.debug("Reloading keys in " + this.store.getDirectory() + " every " + interval);
	}

	private void reloadQuietly() {
		try {
			reload();
		}
		catch (RuntimeException ex) {
			logger.error("Keys could not be reloaded", ex);
		}
	}

	/**
	 * Stop reloading. The current keys stay available.
	 */
	@Override
	public synchronized void close() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public String toString() {
		return "KeyRingReloader[" + this.store.getDirectory() + ", " + this.names + "]";
	}

	/**
	 * Why the last reload failed.
	 *
	 * @param at when the reload failed
	 * @param problem what is wrong, with file names and key ids but never key material
	 */
	public record Failure(Instant at, String problem) {

	}

}
