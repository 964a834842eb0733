package io.github.secretencryption.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.ulisesbocchio.jasyptspringbootstarter.JasyptSpringBootAutoConfiguration;
import io.github.secretencryption.EncryptedPropertyException;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jasypt.AesGcmStringEncryptor;
import io.github.secretencryption.jasypt.ConfigValueEncryptor;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyFileStore;
import io.github.secretencryption.keys.KeyRing;
import org.jasypt.encryption.StringEncryptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class SecretEncryptionJasyptAutoConfigurationTests {

	private static final String PASSWORD = "s3cret-päss(word)";

	// Jasypt's own auto-configuration wraps the property sources; the initializer adds
	// the config key to the key names, as SpringApplication does through the
	// environment post-processor
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer(SecretEncryptionJasyptAutoConfigurationTests::addConfigKey)
		.withConfiguration(AutoConfigurations.of(SecretEncryptionAutoConfiguration.class,
				SecretEncryptionJasyptAutoConfiguration.class, JasyptSpringBootAutoConfiguration.class));

	@TempDir
	Path temp;

	@Test
	void providesJasyptsEncryptorBackedByTheConfigKeyInTheKeyDirectory() {
		Path keys = this.temp.resolve("keys");
		this.contextRunner.withPropertyValues("secret-encryption.key-directory=" + keys).run((context) -> {
			assertThat(context).hasBean("jasyptStringEncryptor");
			StringEncryptor encryptor = context.getBean("jasyptStringEncryptor", StringEncryptor.class);
			assertThat(encryptor).isInstanceOf(AesGcmStringEncryptor.class)
				.hasToString("AesGcmStringEncryptor[key=config]");
			KeyRing keyRing = context.getBean(KeyRing.class);
			assertThat(keyRing.getNames()).containsExactly("secret-encryption", "health-check", "config");
			Path file = keys.resolve("config.key");
			assertThat(file).hasSize(EncryptionKey.LENGTH);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			String encrypted = encryptor.encrypt(PASSWORD);
			assertThat(encrypted).startsWith("se1:");
			assertThat(AesGcmEncryptor.keyIdOf(encrypted)).isEqualTo(keyRing.getPrimary("config").getId());
			assertThat(encryptor.decrypt(encrypted)).isEqualTo(PASSWORD);
		});
	}

	@Test
	void resolvesAnEncryptedPropertyToItsPlaintext() {
		this.contextRunner.withPropertyValues(keyDirectory(), "app.password=" + encrypted(PASSWORD))
			.run((context) -> assertThat(context.getEnvironment().getProperty("app.password")).isEqualTo(PASSWORD));
	}

	@Test
	void resolvesAnEncryptedPropertyThroughAPlaceholder() {
		this.contextRunner
			.withPropertyValues(keyDirectory(), "pw=" + encrypted(PASSWORD),
					"url=jdbc:postgresql://h/db?password=${pw}")
			.run((context) -> assertThat(context.getEnvironment().getProperty("url"))
				.isEqualTo("jdbc:postgresql://h/db?password=" + PASSWORD));
	}

	@Test
	void bindsAnEncryptedPropertyToAConfigurationPropertiesRecord() {
		this.contextRunner.withUserConfiguration(AppPropertiesConfiguration.class)
			.withPropertyValues(keyDirectory(), "app.password=" + encrypted(PASSWORD), "app.user=mailer")
			.run((context) -> assertThat(context.getBean(AppProperties.class))
				.isEqualTo(new AppProperties("mailer", PASSWORD)));
	}

	@Test
	void injectsThePlaintextIntoValueFields() {
		this.contextRunner.withUserConfiguration(ValueFieldConfiguration.class)
			.withPropertyValues(keyDirectory(), "app.password=" + encrypted(PASSWORD))
			.run((context) -> assertThat(context.getBean(ValueField.class).password).isEqualTo(PASSWORD));
	}

	@Test
	void resolvesAnEncryptedEnvironmentVariable() {
		String value = "  " + encrypted(PASSWORD) + " ";
		this.contextRunner.withUserConfiguration(AppPropertiesConfiguration.class)
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("APP_PASSWORD", value, "APP_USER", "mailer"))))
			.withPropertyValues(keyDirectory())
			.run((context) -> {
				assertThat(context.getEnvironment().getProperty("app.password")).isEqualTo(PASSWORD);
				assertThat(context.getBean(AppProperties.class)).isEqualTo(new AppProperties("mailer", PASSWORD));
			});
	}

	@Test
	void backsOffForTheApplicationsOwnEncryptor() {
		this.contextRunner.withUserConfiguration(ReversingEncryptorConfiguration.class)
			.withPropertyValues(keyDirectory(), "app.password=ENC(drowssap)")
			.run((context) -> {
				assertThat(context.getBean("jasyptStringEncryptor")).isInstanceOf(ReversingEncryptor.class);
				assertThat(context).doesNotHaveBean(AesGcmStringEncryptor.class);
				assertThat(context.getEnvironment().getProperty("app.password")).isEqualTo("password");
			});
	}

	@Test
	void backsOffWhenJasyptIsToldToUseAnotherBean() {
		this.contextRunner.withUserConfiguration(ReversingEncryptorConfiguration.class)
			.withPropertyValues(keyDirectory(), "jasypt.encryptor.bean=otherEncryptor", "app.password=ENC(drowssap)")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(AesGcmStringEncryptor.class);
				assertThat(context.getBean(KeyRing.class).getNames()).doesNotContain("config");
				assertThat(context.getEnvironment().getProperty("app.password")).isEqualTo("password");
			});
	}

	@Test
	void backsOffWhenDisabled() {
		Path keys = this.temp.resolve("keys");
		this.contextRunner
			.withPropertyValues("secret-encryption.key-directory=" + keys, "secret-encryption.config.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean("jasyptStringEncryptor");
				assertThat(context.getBean(KeyRing.class).getNames()).containsExactly("secret-encryption",
						"health-check");
				assertThat(keys.resolve("config.key")).doesNotExist();
			});
	}

	@Test
	void usesTheConfiguredKeyName() {
		Path keys = this.temp.resolve("keys");
		this.contextRunner
			.withPropertyValues("secret-encryption.key-directory=" + keys, "secret-encryption.config.key-name=settings")
			.run((context) -> {
				assertThat(context.getBean(KeyRing.class).getNames()).contains("settings").doesNotContain("config");
				assertThat(context.getBean(AesGcmStringEncryptor.class).getEncryptor().getKeyName())
					.isEqualTo("settings");
				assertThat(keys.resolve("settings.key")).exists();
			});
	}

	@Test
	void needsNothingOfJasyptWhenItIsAbsent() {
		Path keys = this.temp.resolve("keys");
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.jasypt.", "com.ulisesbocchio."))
			.withPropertyValues("secret-encryption.key-directory=" + keys)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean("jasyptStringEncryptor");
				assertThat(context.getBean(KeyRing.class).getNames()).containsExactly("secret-encryption",
						"health-check");
				assertThat(keys.resolve("config.key")).doesNotExist();
			});
	}

	@Test
	void stopsStartupAtATamperedValueNamingThePropertyAndItsSourceButNotTheValue() {
		String value = encrypted(PASSWORD);
		byte[] binary = Base64.getDecoder().decode(value.substring(8, value.length() - 1));
		binary[binary.length - 1] ^= 1;
		String tampered = "ENC(se1:" + Base64.getEncoder().encodeToString(binary) + ")";
		String keyId = configKey().getId().toString();
		this.contextRunner.withPropertyValues(keyDirectory(), "app.other=plain", "app.password=" + tampered)
			.run((context) -> {
				assertThat(context).hasFailed();
				EncryptedPropertyException failure = failure(context);
				assertThat(failure.getPropertyName()).isEqualTo("app.password");
				assertThat(failure.getPropertySourceName()).isEqualTo("test");
				FailureAnalysis analysis = new EncryptedPropertyFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.isEqualTo("Property 'app.password' from property source 'test' cannot be decrypted. Value "
							+ "cannot be decrypted: it is tampered or corrupted, or is not a configuration value (key "
							+ "config, key id " + keyId + ").");
				assertThat(analysis.getAction()).isEqualTo("Replace the value with the output of the encrypt-value "
						+ "command run on this install (it reads the value from standard input), or restore the "
						+ "key 'config' that made it into the key directory. Every encrypted value in every "
						+ "property source must decrypt, even one that another property source overrides.");
				assertNoValueIn(context.getStartupFailure(), tampered, PASSWORD);
			});
	}

	@Test
	void stopsStartupAtAValueMadeOnAnotherInstall() {
		KeyRing otherInstall = KeyRing.of(List.of(new KeyFileStore(this.temp.resolve("other")).loadOrCreate("config")));
		String foreign = "ENC("
				+ new ConfigValueEncryptor(new AesGcmEncryptor(otherInstall), "config").encrypt(PASSWORD) + ")";
		String otherId = otherInstall.getPrimary("config").getId().toString();
		this.contextRunner.withPropertyValues(keyDirectory(), "spring.datasource.password=" + foreign)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(failure(context)).hasMessage("Property 'spring.datasource.password' from property source "
						+ "'test' cannot be decrypted. Value was encrypted under key id " + otherId + ", which no key "
						+ "named 'config' has: it was made on another install, or the key that made it is no longer "
						+ "in the key directory (key config, key id " + otherId + ")");
				assertNoValueIn(context.getStartupFailure(), foreign, PASSWORD);
			});
	}

	@Test
	void stopsStartupAtATruncatedValue() {
		String value = encrypted(PASSWORD);
		String truncated = value.substring(0, value.length() - 6) + ")";
		this.contextRunner.withPropertyValues(keyDirectory(), "app.password=" + truncated).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(failure(context)).hasMessage("Property 'app.password' from property source 'test' cannot be "
					+ "decrypted. Value is not an encrypted value: it is not valid Base64 (key config)");
			assertNoValueIn(context.getStartupFailure(), truncated, PASSWORD);
		});
	}

	@Test
	void stopsStartupAtAValueEncryptedWithAJasyptPassword() {
		this.contextRunner.withPropertyValues(keyDirectory(), "app.password=ENC(nrmZtkF7T0kjG/VodDvBw93Ct8EgjCA+)")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(failure(context)).hasMessage("Property 'app.password' from property source 'test' cannot "
						+ "be decrypted. Value was not made by encrypt-value: it lacks the 'se1:' prefix (a value "
						+ "encrypted with a Jasypt password?) (key config)");
			});
	}

	@Test
	void stopsStartupAtAnEncryptedValueInsideOtherText() {
		String value = encrypted(PASSWORD);
		this.contextRunner
			.withPropertyValues(keyDirectory(), "spring.datasource.url=jdbc:postgresql://h/db?password=" + value)
			.run((context) -> {
				assertThat(context).hasFailed();
				EncryptedPropertyException failure = failure(context);
				assertThat(failure).hasMessage("Property 'spring.datasource.url' from property source 'test' holds "
						+ "an encrypted value inside other text, which is never decrypted: only a whole value of the "
						+ "form ENC(...) is");
				assertThat(failure.getAction()).isEqualTo("Move the encrypted value into a property of its own and "
						+ "refer to it with a placeholder, as in "
						+ "url=jdbc:postgresql://db.example.com/app?password=${app.db-password}");
			});
	}

	@Test
	void namesTheEnvironmentVariableThatHoldsAValueThatCannotBeDecrypted() {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("APP_PASSWORD", "ENC(se1:AAAA)"))))
			.withPropertyValues(keyDirectory())
			.run((context) -> assertThat(failure(context))
				.hasMessage("Property 'APP_PASSWORD' from property source 'systemEnvironment' cannot be decrypted. "
						+ "Value is not an encrypted value: its binary form is malformed (key config)"));
	}

	@Test
	void checksEveryPropertySourceEvenWhereAnotherOverridesTheValue() {
		String good = encrypted(PASSWORD);
		this.contextRunner.withSystemProperties("app.password=" + good)
			.withPropertyValues(keyDirectory(), "app.password=ENC(se1:AAAA)")
			.run((context) -> assertThat(failure(context).getPropertySourceName()).isEqualTo("test"));
	}

	@Test
	void followsJasyptsConfiguredPrefixAndSuffix() {
		String value = encrypted(PASSWORD);
		String marked = "SECRET[" + value.substring(4, value.length() - 1) + "]";
		this.contextRunner
			.withPropertyValues(keyDirectory(), "jasypt.encryptor.property.prefix=SECRET[",
					"jasypt.encryptor.property.suffix=]", "app.password=" + marked, "app.broken=SECRET[se1:AAAA]")
			.run((context) -> assertThat(failure(context).getPropertyName()).isEqualTo("app.broken"));
	}

	private String keyDirectory() {
		return "secret-encryption.key-directory=" + this.temp.resolve("keys");
	}

	private EncryptionKey configKey() {
		return new KeyFileStore(this.temp.resolve("keys")).loadOrCreate("config");
	}

	private String encrypted(String plaintext) {
		KeyRing keyRing = KeyRing.of(List.of(configKey()));
		return "ENC(" + new ConfigValueEncryptor(new AesGcmEncryptor(keyRing), "config").encrypt(plaintext) + ")";
	}

	private static EncryptedPropertyException failure(AssertableApplicationContext context) {
		Throwable failure = context.getStartupFailure();
		while (failure != null && !(failure instanceof EncryptedPropertyException)) {
			failure = failure.getCause();
		}
		assertThat(failure).isInstanceOf(EncryptedPropertyException.class);
		return (EncryptedPropertyException) failure;
	}

	private static void assertNoValueIn(Throwable failure, String... values) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			for (String value : values) {
				assertThat(String.valueOf(current.getMessage())).doesNotContain(value)
					.doesNotContain(value.substring(4, value.length() / 2));
			}
		}
	}

	private static void addConfigKey(ConfigurableApplicationContext context) {
		// Created with the test's class loader, which loads its listeners, then pointed
		// at
		// the context's
		SpringApplication application = new SpringApplication(
				new DefaultResourceLoader(SecretEncryptionJasyptAutoConfigurationTests.class.getClassLoader()));
		application.setResourceLoader(new DefaultResourceLoader(context.getClassLoader()));
		new ConfigKeyEnvironmentPostProcessor((log) -> log.get()).postProcessEnvironment(context.getEnvironment(),
				application);
	}

	@ConfigurationProperties("app")
	record AppProperties(String user, String password) {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AppProperties.class)
	static class AppPropertiesConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@Import(ValueField.class)
	static class ValueFieldConfiguration {

	}

	static class ValueField {

		@Value("${app.password}")
		String password;

	}

	@Configuration(proxyBeanMethods = false)
	static class ReversingEncryptorConfiguration {

		@Bean
		StringEncryptor jasyptStringEncryptor() {
			return new ReversingEncryptor();
		}

		@Bean
		StringEncryptor otherEncryptor() {
			return new ReversingEncryptor();
		}

	}

	static class ReversingEncryptor implements StringEncryptor {

		@Override
		public String encrypt(String message) {
			return new StringBuilder(message).reverse().toString();
		}

		@Override
		public String decrypt(String encryptedMessage) {
			return new StringBuilder(encryptedMessage).reverse().toString();
		}

	}

}
