package io.github.secretencryption.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of secret-encryption.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("secret-encryption")
public class SecretEncryptionProperties {

	/**
	 * Directory that holds one key file per key name. Required: keys are created there on
	 * first start and must be backed up with the database.
	 */
	private @Nullable Path keyDirectory;

	/**
	 * Names of the keys to load or create; each lives in '<key-directory>/<name>.key'.
	 */
	private List<String> keys = new ArrayList<>(List.of("secret-encryption", "health-check"));

	private final Masking masking = new Masking();

	public @Nullable Path getKeyDirectory() {
		return this.keyDirectory;
	}

	public void setKeyDirectory(@Nullable Path keyDirectory) {
		this.keyDirectory = keyDirectory;
	}

	public List<String> getKeys() {
		return this.keys;
	}

	public void setKeys(List<String> keys) {
		this.keys = keys;
	}

	public Masking getMasking() {
		return this.masking;
	}

	/**
	 * Masking of encrypted attributes in JSON responses.
	 */
	public static class Masking {

		/**
		 * Whether controllers' JSON responses show encrypted attributes as the
		 * placeholder.
		 */
		private boolean enabled = true;

		/**
		 * Text written instead of a secret in JSON responses; sent back in an update, it
		 * keeps the stored secret.
		 */
		private String placeholder = "MASKED";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPlaceholder() {
			return this.placeholder;
		}

		public void setPlaceholder(String placeholder) {
			this.placeholder = placeholder;
		}

	}

	/**
	 * What reading a value without the prefix of a format version from an encrypted
	 * column does: 'reject' fails the read; 'allow' returns the value as it is, logs a
	 * warning naming the column and row, and counts the read.
	 */
	private io.github.secretencryption.jpa.PlaintextReads plaintextReads = io.github.secretencryption.jpa.PlaintextReads.REJECT;

	/**
	 * Whether to use random keys held in memory only, instead of the key directory, and
	 * never write a key file. For tests only: every value encrypted with these keys is
	 * unreadable once the application stops.
	 */
	private boolean insecureEphemeralKeys;

	public io.github.secretencryption.jpa.PlaintextReads getPlaintextReads() {
		return this.plaintextReads;
	}

	public void setPlaintextReads(io.github.secretencryption.jpa.PlaintextReads plaintextReads) {
		this.plaintextReads = plaintextReads;
	}

	public boolean isInsecureEphemeralKeys() {
		return this.insecureEphemeralKeys;
	}

	public void setInsecureEphemeralKeys(boolean insecureEphemeralKeys) {
		this.insecureEphemeralKeys = insecureEphemeralKeys;
	}

}
