package io.github.secretencryption.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.secretencryption.jasypt.LegacyPbeDecryptor;
import io.github.secretencryption.keys.KeySource;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

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
	 * Where the keys come from: 'files' creates missing keys in the key directory,
	 * 'mounted' only reads keys that the platform provides (a Kubernetes Secret volume, a
	 * Vault agent's files) and never writes anything.
	 */
	private KeySource keySource = KeySource.FILES;

	/**
	 * Names of the keys to load or create, each listed once; each lives in
	 * '<key-directory>/<name>.key'.
	 */
	private List<String> keys = new ArrayList<>(List.of("secret-encryption", "health-check"));

	/**
	 * Time between two reads of the key directory by a running application, which takes
	 * in added keys and a changed primary key without dropping a loaded one; zero turns
	 * reloading off. rotate-key waits twice this time before it promotes an added key.
	 */
	private Duration keyReloadInterval = Duration.ofSeconds(30);

	private final Masking masking = new Masking();

	private final KeyRegistry keyRegistry = new KeyRegistry();

	private final Migration migration = new Migration();

	private final Commands commands = new Commands();

	public @Nullable Path getKeyDirectory() {
		return this.keyDirectory;
	}

	public void setKeyDirectory(@Nullable Path keyDirectory) {
		this.keyDirectory = keyDirectory;
	}

	public KeySource getKeySource() {
		return this.keySource;
	}

	public void setKeySource(KeySource keySource) {
		this.keySource = keySource;
	}

	public List<String> getKeys() {
		return this.keys;
	}

	public void setKeys(List<String> keys) {
		this.keys = keys;
	}

	public Duration getKeyReloadInterval() {
		return this.keyReloadInterval;
	}

	public void setKeyReloadInterval(Duration keyReloadInterval) {
		Assert.isTrue(!keyReloadInterval.isNegative(),
				() -> "Key reload interval must not be negative; use 0 to turn reloading off, not "
						+ keyReloadInterval);
		this.keyReloadInterval = keyReloadInterval;
	}

	public Masking getMasking() {
		return this.masking;
	}

	public KeyRegistry getKeyRegistry() {
		return this.keyRegistry;
	}

	public Commands getCommands() {
		return this.commands;
	}

	public Migration getMigration() {
		return this.migration;
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
	 * Record of key ids in the application's database, which stops a start whose keys
	 * cannot read the stored values.
	 */
	public static class KeyRegistry {

		/**
		 * Whether to record key ids in the database and check them at startup.
		 */
		private boolean enabled = true;

		/**
		 * When to create the key id table with the starter's schema script.
		 */
		private InitializeSchema initializeSchema = InitializeSchema.ALWAYS;

		/**
		 * Key names whose previous keys are lost for good, so that a start with new keys
		 * is accepted and the lost key ids are no longer recorded; values under the lost
		 * keys stay unreadable. Needed for one start only.
		 */
		private List<String> acceptKeyLoss = new ArrayList<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public InitializeSchema getInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(InitializeSchema initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		public List<String> getAcceptKeyLoss() {
			return this.acceptKeyLoss;
		}

		public void setAcceptKeyLoss(List<String> acceptKeyLoss) {
			this.acceptKeyLoss = acceptKeyLoss;
		}

	}

	/**
	 * How the command line is read for the starter's commands.
	 */
	public static class Commands {

		/**
		 * Whether a first command-line argument that names no command stops the
		 * application with exit code 2 instead of starting it, for applications that take
		 * no arguments of their own.
		 */
		private boolean refuseUnknown;

		public boolean isRefuseUnknown() {
			return this.refuseUnknown;
		}

		public void setRefuseUnknown(boolean refuseUnknown) {
			this.refuseUnknown = refuseUnknown;
		}

	}

	/**
	 * Commands that rewrite the values of encrypted columns in place.
	 */
	public static class Migration {

		/**
		 * How many rows one transaction reads and writes.
		 */
		private int batchSize = 500;

		/**
		 * How often a long run prints its progress (rows done, rate and time left).
		 */
		private Duration progressInterval = Duration.ofSeconds(5);

		private final Jasypt jasypt = new Jasypt();

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			Assert.isTrue(batchSize >= 1, () -> "Batch size must be at least 1, not " + batchSize);
			this.batchSize = batchSize;
		}

		public Duration getProgressInterval() {
			return this.progressInterval;
		}

		public void setProgressInterval(Duration progressInterval) {
			Assert.isTrue(!progressInterval.isNegative(),
					() -> "Progress interval must not be negative, not " + progressInterval);
			this.progressInterval = progressInterval;
		}

		public Jasypt getJasypt() {
			return this.jasypt;
		}

	}

	/**
	 * Columns whose values Jasypt's password-based string encryptor wrote, which
	 * 'migrate-secrets --from-jasypt' re-encrypts. The defaults are those of the Jasypt
	 * library, not of jasypt-spring-boot.
	 */
	public static class Jasypt {

		/**
		 * Encrypted columns, as 'table.column', that hold Jasypt values. Plain
		 * 'migrate-secrets' leaves them alone.
		 */
		private List<String> columns = new ArrayList<>();

		/**
		 * Password the values were encrypted with. Pass it through the environment
		 * (SECRET_ENCRYPTION_MIGRATION_JASYPT_PASSWORD), not on the command line.
		 */
		private @Nullable String password;

		/**
		 * Password-based encryption algorithm.
		 */
		private String algorithm = LegacyPbeDecryptor.DEFAULT_ALGORITHM;

		/**
		 * Key obtention iterations.
		 */
		private int keyObtentionIterations = LegacyPbeDecryptor.DEFAULT_ITERATIONS;

		/**
		 * Class name of the IV generator.
		 */
		private String ivGeneratorClassname = LegacyPbeDecryptor.DEFAULT_IV_GENERATOR;

		/**
		 * Class name of the salt generator.
		 */
		private String saltGeneratorClassname = LegacyPbeDecryptor.DEFAULT_SALT_GENERATOR;

		/**
		 * Encoding of the stored values: 'base64' or 'hexadecimal'.
		 */
		private String stringOutputType = LegacyPbeDecryptor.DEFAULT_STRING_OUTPUT_TYPE;

		/**
		 * Name of the JCE provider of the algorithm; the runtime's default when not set.
		 */
		private @Nullable String providerName;

		public List<String> getColumns() {
			return this.columns;
		}

		public void setColumns(List<String> columns) {
			this.columns = columns;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public String getAlgorithm() {
			return this.algorithm;
		}

		public void setAlgorithm(String algorithm) {
			this.algorithm = algorithm;
		}

		public int getKeyObtentionIterations() {
			return this.keyObtentionIterations;
		}

		public void setKeyObtentionIterations(int keyObtentionIterations) {
			this.keyObtentionIterations = keyObtentionIterations;
		}

		public String getIvGeneratorClassname() {
			return this.ivGeneratorClassname;
		}

		public void setIvGeneratorClassname(String ivGeneratorClassname) {
			this.ivGeneratorClassname = ivGeneratorClassname;
		}

		public String getSaltGeneratorClassname() {
			return this.saltGeneratorClassname;
		}

		public void setSaltGeneratorClassname(String saltGeneratorClassname) {
			this.saltGeneratorClassname = saltGeneratorClassname;
		}

		public String getStringOutputType() {
			return this.stringOutputType;
		}

		public void setStringOutputType(String stringOutputType) {
			this.stringOutputType = stringOutputType;
		}

		public @Nullable String getProviderName() {
			return this.providerName;
		}

		public void setProviderName(@Nullable String providerName) {
			this.providerName = providerName;
		}

		@Override
		public String toString() {
			return "Jasypt[columns=" + this.columns + ", algorithm=" + this.algorithm + "]";
		}

	}

	/**
	 * When to create a table of the starter with its schema script.
	 */
	public enum InitializeSchema {

		/**
		 * Always; the script only creates the table if it does not exist.
		 */
		ALWAYS,

		/**
		 * Only on an embedded database.
		 */
		EMBEDDED,

		/**
		 * Never; the table is created by the application's own migrations.
		 */
		NEVER

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
