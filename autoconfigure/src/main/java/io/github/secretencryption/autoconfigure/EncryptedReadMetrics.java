package io.github.secretencryption.autoconfigure;

import io.github.secretencryption.DecryptionFailedException;
import io.github.secretencryption.NotEncryptedValueException;
import io.github.secretencryption.SecretEncryptionException;
import io.github.secretencryption.SecretLocation;
import io.github.secretencryption.UnknownKeyIdException;
import io.github.secretencryption.jpa.EncryptedColumn;
import io.github.secretencryption.jpa.EncryptedReadListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Counts failed reads and legacy plaintext reads of encrypted columns, tagged with the
 * key name, key id, {@code table.column} and reason; never with a value.
 */
class EncryptedReadMetrics implements EncryptedReadListener {

	static final String DECRYPTION_FAILURES = "secret.encryption.decryption.failures";

	static final String PLAINTEXT_READS = "secret.encryption.plaintext.reads";

	private final ObjectProvider<MeterRegistry> meterRegistry;

	private volatile @Nullable MeterRegistry resolved;

	EncryptedReadMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
		this.meterRegistry = meterRegistry;
	}

	@Override
	public void decryptionFailed(EncryptedColumn column, SecretEncryptionException failure) {
		MeterRegistry registry = registry();
		if (registry != null) {
			SecretLocation location = failure.getLocation();
			String keyId = (location != null && location.keyId() != null) ? location.keyId() : "none";
			Counter.builder(DECRYPTION_FAILURES)
				.description("Values of encrypted columns that could not be read")
				.tag("key", column.keyName())
				.tag("key.id", keyId)
				.tag("column", column.table() + "." + column.column())
				.tag("reason", reason(failure))
				.register(registry)
				.increment();
		}
	}

	@Override
	public void plaintextRead(EncryptedColumn column) {
		MeterRegistry registry = registry();
		if (registry != null) {
			Counter.builder(PLAINTEXT_READS)
				.description("Legacy plaintext values read from encrypted columns")
				.tag("key", column.keyName())
				.tag("column", column.table() + "." + column.column())
				.register(registry)
				.increment();
		}
	}

	private @Nullable MeterRegistry registry() {
		MeterRegistry registry = this.resolved;
		if (registry == null) {
			registry = this.meterRegistry.getIfUnique();
			this.resolved = registry;
		}
		return registry;
	}

	private static String reason(SecretEncryptionException failure) {
		if (failure instanceof DecryptionFailedException) {
			return "tampered-or-corrupted";
		}
		if (failure instanceof UnknownKeyIdException) {
			return "unknown-key-id";
		}
		if (failure instanceof NotEncryptedValueException) {
			return "not-encrypted";
		}
		return "other";
	}

}
