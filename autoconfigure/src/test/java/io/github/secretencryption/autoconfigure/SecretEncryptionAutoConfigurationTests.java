package io.github.secretencryption.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.stream.Stream;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jackson.SecretMasking;
import io.github.secretencryption.jackson.SecretMaskingModule;
import io.github.secretencryption.jpa.HibernateEncryption;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyFileException;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyId;
import io.github.secretencryption.keys.KeyRing;
import io.github.secretencryption.keys.KeyRingReloader;
import io.github.secretencryption.keys.KeySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JacksonModule;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SecretEncryptionAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecretEncryptionAutoConfiguration.class,
				SecretEncryptionJpaAutoConfiguration.class, SecretEncryptionJacksonAutoConfiguration.class));

	@TempDir
	Path temp;

	@Test
	void createsTheDefaultKeysInAnOwnerOnlyDirectory() {
		Path keys = this.temp.resolve("keys");
		this.contextRunner.withPropertyValues("secret-encryption.key-directory=" + keys).run((context) -> {
			assertThat(context).hasSingleBean(KeyRing.class).hasSingleBean(AesGcmEncryptor.class);
			assertThat(context.getBean(KeyRing.class).getNames()).containsExactly("secret-encryption", "health-check");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
			for (String name : new String[] { "secret-encryption.key", "health-check.key" }) {
				Path file = keys.resolve(name);
				assertThat(file).hasSize(EncryptionKey.LENGTH);
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			}
		});
	}

	@Test
	void loadsTheSameKeysOnTheNextStart() {
		Path keys = this.temp.resolve("keys");
		String[] ids = new String[1];
		this.contextRunner.withPropertyValues("secret-encryption.key-directory=" + keys)
			.run((context) -> ids[0] = context.getBean(KeyRing.class)
				.getPrimary("secret-encryption")
				.getId()
				.toString());
		this.contextRunner.withPropertyValues("secret-encryption.key-directory=" + keys)
			.run((context) -> assertThat(context.getBean(KeyRing.class).getPrimary("secret-encryption").getId())
				.hasToString(ids[0]));
	}

	@Test
	void loadsExtraKeyNamesFromProperties() {
		this.contextRunner
			.withPropertyValues("secret-encryption.key-directory=" + this.temp,
					"secret-encryption.keys=secret-encryption,health-check,reports")
			.run((context) -> assertThat(context.getBean(KeyRing.class).getNames()).contains("reports"));
	}

	@Test
	void failsWithoutKeyDirectory() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(KeyDirectoryNotSetException.class);
			FailureAnalysis analysis = new KeyDirectoryNotSetFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("secret-encryption needs a directory for its key files, "
					+ "and secret-encryption.key-directory is not set.");
			assertThat(analysis.getAction()).startsWith("Set secret-encryption.key-directory to an absolute path");
		});
	}

	@Test
	void failsOnAKeyFileThatOthersCanRead() throws Exception {
		Path keys = Files.createDirectory(this.temp.resolve("keys"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		Path key = Files.write(keys.resolve("secret-encryption.key"), new byte[32]);
		Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
		this.contextRunner.withPropertyValues("secret-encryption.key-directory=" + keys).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new KeyFileFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.isEqualTo("Key file " + key + " has mode rw-r--r--, which lets group or others access it.");
			assertThat(analysis.getAction())
				.isEqualTo("Run 'chmod 600 " + key + "' and check that nobody else has read the key.");
		});
	}

	@Test
	void failsOnAKeyFileOfTheWrongSize() throws Exception {
		Path keys = Files.createDirectory(this.temp.resolve("keys"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		Path key = Files.write(keys.resolve("secret-encryption.key"), new byte[31]);
		Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
		this.contextRunner.withPropertyValues("secret-encryption.key-directory=" + keys).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(KeyFileException.class);
			FailureAnalysis analysis = new KeyFileFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("Key file " + key + " holds 31 bytes instead of 32.");
			assertThat(analysis.getAction()).startsWith("Restore the key file from a backup");
		});
	}

	@Test
	void failsOnAKeptKeyWhoseIdDoesNotMatchItsFileName() throws Exception {
		Path keys = this.temp.resolve("keys");
		KeyFileStore store = new KeyFileStore(keys);
		store.loadOrCreate("secret-encryption");
		EncryptionKey added = store.addKey("secret-encryption");
		Path renamed = store.fileOf("secret-encryption", new KeyId(0x0a0b0c0d));
		Files.move(added.getFile(), renamed);
		this.contextRunner.withPropertyValues("secret-encryption.key-directory=" + keys).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new KeyFileFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("Key file " + renamed + " holds key id " + added.getId()
					+ ", not the key id 0a0b0c0d in its name.");
			assertThat(analysis.getAction()).isEqualTo("Restore the key file from a backup; a file kept for reading "
					+ "is named after the id of the key it holds and must never be renamed or edited.");
		});
	}

	@Test
	void failsWhenThePrimaryKeyIsMissingButOlderKeysOfItsNameExist() throws Exception {
		Path keys = this.temp.resolve("keys");
		KeyFileStore store = new KeyFileStore(keys);
		store.loadOrCreate("secret-encryption");
		store.promote("secret-encryption", store.addKey("secret-encryption").getId());
		Path primary = store.fileOf("secret-encryption");
		Files.delete(primary);
		this.contextRunner.withPropertyValues("secret-encryption.key-directory=" + keys).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new KeyFileFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).startsWith("Key file " + primary
					+ " does not exist, but older keys of 'secret-encryption' do (secret-encryption.");
			assertThat(analysis.getAction())
				.isEqualTo("Restore " + primary + " from the backup that matches the database.");
			assertThat(primary).doesNotExist();
		});
	}

	@Test
	void failsOnAKeyNameListedTwiceBeforeCreatingAnyKey() {
		Path keys = this.temp.resolve("keys");
		this.contextRunner
			.withPropertyValues("secret-encryption.key-directory=" + keys,
					"secret-encryption.keys=secret-encryption,health-check,secret-encryption")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new KeyFileFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).isEqualTo("Key name 'secret-encryption' is listed twice.");
				assertThat(analysis.getAction()).isEqualTo("List each key name once in secret-encryption.keys.");
				assertThat(keys).doesNotExist();
			});
	}

	@Test
	void failsWhenTwoKeyNamesHaveTheSameKey() throws Exception {
		Path keys = Files.createDirectory(this.temp.resolve("keys"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		Path first = ownerOnlyFile(keys.resolve("secret-encryption.key"), bytes);
		Path second = ownerOnlyFile(keys.resolve("health-check.key"), bytes);
		this.contextRunner.withPropertyValues("secret-encryption.key-directory=" + keys).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new KeyFileFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.isEqualTo("Key files " + first + " and " + second + " hold the same key.");
			assertThat(analysis.getAction()).startsWith("Give each key name a key of its own: restore " + second);
		});
	}

	@Test
	void loadsMountedKeysWithoutWritingAnything() throws Exception {
		Path keys = Files.createDirectory(this.temp.resolve("keys"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		Path key = ownerOnlyFile(keys.resolve("secret-encryption.key"), bytes);
		Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--r-----"));
		this.contextRunner
			.withPropertyValues("secret-encryption.key-directory=" + keys, "secret-encryption.key-source=mounted",
					"secret-encryption.keys=secret-encryption")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(SecretEncryptionProperties.class).getKeySource())
					.isEqualTo(KeySource.MOUNTED);
				assertThat(context.getBean(KeyRing.class).getPrimary("secret-encryption").getId())
					.isEqualTo(KeyId.derive(bytes));
			});
		try (Stream<Path> files = Files.list(keys)) {
			assertThat(files).containsExactly(key);
		}
	}

	@Test
	void failsInMountedModeOnAMissingKeyWithoutCreatingIt() throws Exception {
		Path keys = Files.createDirectory(this.temp.resolve("keys"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
		this.contextRunner
			.withPropertyValues("secret-encryption.key-directory=" + keys, "secret-encryption.key-source=mounted")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new KeyFileFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).isEqualTo("Key file " + keys.resolve("secret-encryption.key")
						+ " does not exist; with secret-encryption.key-source=mounted keys are never created.");
				assertThat(analysis.getAction()).isEqualTo("Have the platform provide secret-encryption.key "
						+ "(add it to the Kubernetes Secret or Vault agent template mounted at " + keys
						+ "), or set secret-encryption.key-source=files to let the application create its keys.");
			});
		try (Stream<Path> files = Files.list(keys)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void keySourceIsFilesByDefault() {
		this.contextRunner.withPropertyValues("secret-encryption.key-directory=" + this.temp)
			.run((context) -> assertThat(context.getBean(SecretEncryptionProperties.class).getKeySource())
				.isEqualTo(KeySource.FILES));
	}

	private static Path ownerOnlyFile(Path file, byte[] content) throws IOException {
		Files.write(file, content);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		return file;
	}

	@Test
	void connectsHibernateThroughAPropertiesCustomizer() {
		this.contextRunner.withPropertyValues("secret-encryption.key-directory=" + this.temp).run((context) -> {
			java.util.Map<String, Object> properties = new java.util.HashMap<>();
			context.getBeanProvider(HibernatePropertiesCustomizer.class)
				.forEach((customizer) -> customizer.customize(properties));
			assertThat(properties).containsEntry(HibernateEncryption.SETTING,
					context.getBean(HibernateEncryption.class));
			assertThat(context.getBean(HibernateEncryption.class).getPlaceholder()).isEqualTo("MASKED");
		});
	}

	@Test
	void backsOffJpaWithoutHibernate() {
		this.contextRunner.withPropertyValues("secret-encryption.key-directory=" + this.temp)
			.withClassLoader(new FilteredClassLoader("org.hibernate"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(HibernateEncryption.class)
				.hasSingleBean(AesGcmEncryptor.class));
	}

	@Test
	void contributesTheMaskingModuleWithTheConfiguredPlaceholder() {
		this.contextRunner
			.withPropertyValues("secret-encryption.key-directory=" + this.temp,
					"secret-encryption.masking.placeholder=HIDDEN")
			.run((context) -> {
				assertThat(context).hasSingleBean(SecretMaskingModule.class);
				assertThat(context.getBean(SecretMasking.class).getPlaceholder()).isEqualTo("HIDDEN");
			});
	}

	@Test
	void backsOffMaskingWhenDisabledOrWithoutJackson() {
		this.contextRunner
			.withPropertyValues("secret-encryption.key-directory=" + this.temp,
					"secret-encryption.masking.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(JacksonModule.class));
		this.contextRunner.withPropertyValues("secret-encryption.key-directory=" + this.temp)
			.withClassLoader(new FilteredClassLoader("tools.jackson"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SecretMaskingModule.class));
	}

	@Test
	void backsOffForTheUsersOwnBeans() {
		this.contextRunner.withPropertyValues("secret-encryption.key-directory=" + this.temp)
			.withUserConfiguration(UserKeysConfiguration.class)
			.run((context) -> assertThat(context.getBean(KeyRing.class))
				.isSameAs(context.getBean(UserKeysConfiguration.class).keyRing));
	}

	@Test
	void keyRingBeanSeesKeysAddedAndPromotedAfterStartup() {
		Path keys = this.temp.resolve("keys");
		this.contextRunner
			.withPropertyValues("secret-encryption.key-directory=" + keys, "secret-encryption.key-reload-interval=0")
			.run((context) -> {
				KeyRing keyRing = context.getBean(KeyRing.class);
				AesGcmEncryptor encryptor = context.getBean(AesGcmEncryptor.class);
				KeyFileStore store = new KeyFileStore(keys);
				KeyId former = keyRing.getPrimary("secret-encryption").getId();
				EncryptionKey added = store.addKey("secret-encryption");
				store.promote("secret-encryption", added.getId());
				assertThat(context.getBean(KeyRingReloader.class).reload()).isTrue();
				assertThat(keyRing.getPrimary("secret-encryption").getId()).isEqualTo(added.getId());
				assertThat(keyRing.find("secret-encryption", former)).isNotNull();
				assertThat(encryptor.getKeyRing().getPrimary("secret-encryption").getId()).isEqualTo(added.getId());
			});
	}

	@Test
	void refusesNegativeIntervalsAndBatchSizesNamingThePropertyAndTheValue() {
		for (String property : new String[] { "secret-encryption.key-reload-interval=-5s",
				"secret-encryption.migration.progress-interval=-1s", "secret-encryption.migration.batch-size=0" }) {
			this.contextRunner.withPropertyValues("secret-encryption.key-directory=" + this.temp, property)
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(context.getStartupFailure()).rootCause()
						.isInstanceOf(IllegalArgumentException.class)
						.message()
						.containsAnyOf("must not be negative", "must be at least 1")
						.contains(property.endsWith("=0") ? "not 0" : "not PT-");
					assertThat(context.getStartupFailure()).hasStackTraceContaining("Unable to set value for property "
							+ property.substring(property.lastIndexOf('.') + 1, property.indexOf('=')));
				});
		}
	}

	@Test
	void bindsTheKeyReloadInterval() {
		this.contextRunner
			.withPropertyValues("secret-encryption.key-directory=" + this.temp,
					"secret-encryption.key-reload-interval=5s")
			.run((context) -> assertThat(context.getBean(SecretEncryptionProperties.class).getKeyReloadInterval())
				.isEqualTo(java.time.Duration.ofSeconds(5)));
		this.contextRunner.withPropertyValues("secret-encryption.key-directory=" + this.temp)
			.run((context) -> assertThat(context.getBean(SecretEncryptionProperties.class).getKeyReloadInterval())
				.isEqualTo(java.time.Duration.ofSeconds(30)));
	}

	@Test
	void doesNotReloadTheUsersOwnKeyRing() {
		this.contextRunner.withPropertyValues("secret-encryption.key-directory=" + this.temp)
			.withUserConfiguration(UserKeysConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(KeyRingReloader.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserKeysConfiguration {

		final KeyRing keyRing = KeyRing
			.of(java.util.List.of(new EncryptionKey("secret-encryption", new byte[32], null)));

		@Bean
		KeyRing userKeyRing() {
			return this.keyRing;
		}

	}

}
