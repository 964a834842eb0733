package io.github.secretencryption.autoconfigure.actuate;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.github.secretencryption.jpa.EncryptedColumn;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyRing;
import io.github.secretencryption.keys.KeyRingReloader;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * Read-only Actuator endpoint {@code secretencryption} that lists every key with its
 * path, key id, mode, size, last modification and the columns that use it. It never shows
 * key material.
 *
 * @since 0.1.0
 */
@Endpoint(id = "secretencryption")
public class SecretEncryptionEndpoint {

	private final KeyFileInspector inspector;

	private final Supplier<List<EncryptedColumn>> columns;

	/**
	 * Create the endpoint.
	 * @param keyRing the keys in use
	 * @param store the key files, or {@code null} for keys that do not live in the key
	 * directory
	 * @param columns supplies the encrypted columns
	 */
	public SecretEncryptionEndpoint(KeyRing keyRing, @Nullable KeyFileStore store,
			Supplier<List<EncryptedColumn>> columns) {
		this(keyRing, store, null, columns);
	}

	/**
	 * Create the endpoint for keys that are reloaded while the application runs.
	 * @param keyRing the keys in use
	 * @param store the key files, or {@code null} for keys that do not live in the key
	 * directory
	 * @param reloader reloads the keys, or {@code null} if they are never reloaded
	 * @param columns supplies the encrypted columns
	 */
	public SecretEncryptionEndpoint(KeyRing keyRing, @Nullable KeyFileStore store, @Nullable KeyRingReloader reloader,
			Supplier<List<EncryptedColumn>> columns) {
		this.inspector = new KeyFileInspector(keyRing, store, reloader);
		this.columns = columns;
	}

	/**
	 * Describe every key.
	 * @return the keys
	 */
	@ReadOperation
	public SecretEncryptionDescriptor keys() {
		return new SecretEncryptionDescriptor(this.inspector.inspect()
			.stream()
			.map((key) -> new KeyDescriptor(key.name(), (key.path() != null) ? key.path().toString() : null,
					key.keyId(), key.keyIds(), key.mode(), key.size(), key.lastModified(), columnsOf(key.name()),
					key.problem()))
			.toList());
	}

	private List<String> columnsOf(String keyName) {
		return this.columns.get()
			.stream()
			.filter((column) -> column.keyName().equals(keyName))
			.map((column) -> column.table() + "." + column.column())
			.toList();
	}

	/**
	 * Every key of the application.
	 *
	 * @param keys the keys
	 * @since 0.1.0
	 */
	public record SecretEncryptionDescriptor(List<KeyDescriptor> keys) {

	}

	/**
	 * One key.
	 *
	 * @param name key name
	 * @param path key file, or {@code null} for a key that does not live in the key
	 * directory
	 * @param keyId id of the primary key, which encrypts new values
	 * @param keyIds ids of every loaded key of the name, the primary first
	 * @param mode octal mode of the key file, or {@code null} if it is missing
	 * @param size size of the key file in bytes, or {@code null} if it is missing
	 * @param lastModified last modification of the key file, or {@code null} if it is
	 * missing
	 * @param columns {@code table.column} of every column encrypted under the key
	 * @param problem what is wrong with the key file, or {@code null}
	 * @since 0.1.0
	 */
	public record KeyDescriptor(String name, @Nullable String path, String keyId, List<String> keyIds,
			@Nullable String mode, @Nullable Long size, @Nullable Instant lastModified, List<String> columns,
			@Nullable String problem) {

	}

}
