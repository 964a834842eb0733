package io.github.secretencryption.autoconfigure.actuate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.github.secretencryption.SecretEncryptionException;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.internal.FileModes;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyFileException;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyRing;
import io.github.secretencryption.keys.KeyRingReloader;
import io.github.secretencryption.keys.KeySource;
import org.jspecify.annotations.Nullable;

/**
 * Looks at the key files of a running application: reads each again, without creating
 * any, compares it with the key in use and checks that it encrypts and decrypts a sample.
 */
final class KeyFileInspector {

	private static final byte[] SAMPLE = "secret-encryption health sample".getBytes(StandardCharsets.US_ASCII);

	private final KeyRing keyRing;

	private final @Nullable KeyFileStore store;

	private final @Nullable KeyRingReloader reloader;

	KeyFileInspector(KeyRing keyRing, @Nullable KeyFileStore store, @Nullable KeyRingReloader reloader) {
		this.keyRing = keyRing;
		this.store = store;
		this.reloader = reloader;
	}

	KeyRingReloader.@Nullable Failure reloadFailure() {
		if (this.reloader == null) {
			return null;
		}
		if (this.reloader.getFailure() != null) {
			// Report the files as they are now, not as they were at the last reload
			this.reloader.reload();
		}
		return this.reloader.getFailure();
	}

	List<KeyState> inspect() {
		return this.keyRing.getNames().stream().map(this::inspect).toList();
	}

	private KeyState inspect(String name) {
		EncryptionKey inUse = this.keyRing.getPrimary(name);
		if (this.store == null) {
			return new KeyState(name, null, inUse.getId().toString(), keyIds(name), null, null, null,
					roundTrips(inUse) ? null : "Key does not decrypt what it encrypts");
		}
		Path file = this.store.fileOf(name);
		String mode = null;
		Long size = null;
		Instant lastModified = null;
		String problem = null;
		try {
			if (Files.exists(file)) {
				// In mounted mode the file the links lead to, as verify-keys shows it
				Path real = this.store.resolve(file);
				mode = FileModes.octal(real);
				size = Files.size(real);
				lastModified = Files.getLastModifiedTime(real, LinkOption.NOFOLLOW_LINKS).toInstant();
			}
			EncryptionKey onDisk = this.store.load(name);
			if (!onDisk.getId().equals(inUse.getId()) && this.reloader != null) {
				// Promoted since the last reload: take it in now rather than report it
				this.reloader.reload();
				inUse = this.keyRing.getPrimary(name);
			}
			if (!onDisk.getId().equals(inUse.getId())) {
				problem = "Key file now holds key id " + onDisk.getId() + ", not the key id " + inUse.getId()
						+ " in use; restore the file from a backup";
			}
			else if (!roundTrips(onDisk)) {
				problem = "Key does not decrypt what it encrypts";
			}
			else {
				problem = missingKeptKey(name);
			}
		}
		catch (KeyFileException ex) {
			problem = ex.getProblem();
		}
		catch (IOException ex) {
			problem = "Key file " + file + " cannot be read: " + ex.getClass().getSimpleName();
		}
		return new KeyState(name, file, inUse.getId().toString(), keyIds(name), mode, size, lastModified, problem);
	}

	/**
	 * Return a problem when the file of a key kept for reading is gone without having
	 * been retired: the next start would not load it, and the values under it would
	 * become unreadable. In mounted mode the platform removes retired keys, so this is
	 * not checked there.
	 */
	private @Nullable String missingKeptKey(String name) {
		KeyFileStore store = this.store;
		if (store == null || store.getSource() != KeySource.FILES) {
			return null;
		}
		List<EncryptionKey> keys = this.keyRing.getKeys(name);
		for (EncryptionKey key : keys.subList(1, keys.size())) {
			Path kept = store.fileOf(name, key.getId());
			if (!Files.exists(kept, LinkOption.NOFOLLOW_LINKS)
					&& !Files.exists(store.retiredFileOf(name, key.getId()), LinkOption.NOFOLLOW_LINKS)) {
				return "Key file " + kept + " of key id " + key.getId() + ", which this process still reads with, "
						+ "is missing and was not retired; restore it from the backup before the next start, which "
						+ "would otherwise be refused";
			}
		}
		return null;
	}

	private List<String> keyIds(String name) {
		return this.keyRing.getKeys(name).stream().map((key) -> key.getId().toString()).toList();
	}

	private static boolean roundTrips(EncryptionKey key) {
		try {
			AesGcmEncryptor encryptor = new AesGcmEncryptor(KeyRing.of(List.of(key)));
			String name = key.getName();
			return Arrays.equals(encryptor.decrypt(name, encryptor.encrypt(name, SAMPLE, SAMPLE), SAMPLE), SAMPLE);
		}
		catch (SecretEncryptionException ex) {
			return false;
		}
	}

	record KeyState(String name, @Nullable Path path, String keyId, List<String> keyIds, @Nullable String mode,
			@Nullable Long size, @Nullable Instant lastModified, @Nullable String problem) {

	}

}
