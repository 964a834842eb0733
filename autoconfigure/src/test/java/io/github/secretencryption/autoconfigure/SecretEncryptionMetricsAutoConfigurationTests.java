package io.github.secretencryption.autoconfigure;

import java.util.List;

import io.github.secretencryption.DecryptionFailedException;
import io.github.secretencryption.SecretLocation;
import io.github.secretencryption.jpa.EncryptedColumn;
import io.github.secretencryption.jpa.EncryptedReadListener;
import io.github.secretencryption.jpa.HibernateEncryption;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SecretEncryptionMetricsAutoConfigurationTests {

	private static final EncryptedColumn COLUMN = new EncryptedColumn("com.example.Account", "apiToken", "accounts",
			"api_token", "secret-encryption", "accounts.api_token", "id");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InsecureEphemeralKeysAutoConfiguration.class,
				SecretEncryptionAutoConfiguration.class, SecretEncryptionJpaAutoConfiguration.class,
				SecretEncryptionMetricsAutoConfiguration.class))
		.withPropertyValues("secret-encryption.insecure-ephemeral-keys=true");

	@Test
	void countsFailedAndPlaintextReadsWithoutValuesInTheMeterRegistry() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			EncryptedReadListener listener = context.getBean(HibernateEncryption.class).getReadListener();
			listener.decryptionFailed(COLUMN, new DecryptionFailedException("Value cannot be decrypted",
					new SecretLocation("secret-encryption", "0badc0de", null, null, null, null, "42")));
			listener.plaintextRead(COLUMN);
			listener.plaintextRead(COLUMN);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("secret.encryption.decryption.failures")
				.tags("key", "secret-encryption", "key.id", "0badc0de", "column", "accounts.api_token", "reason",
						"tampered-or-corrupted")
				.counter()
				.count()).isOne();
			assertThat(registry.get("secret.encryption.plaintext.reads")
				.tags("key", "secret-encryption", "column", "accounts.api_token")
				.counter()
				.count()).isEqualTo(2);
			assertThat(registry.getMeters()).flatMap((meter) -> meter.getId().getTags())
				.extracting((tag) -> tag.getKey())
				.containsOnly("key", "key.id", "column", "reason");
		});
	}

	@Test
	void doesNothingWithoutAMeterRegistry() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(EncryptedReadMetrics.class);
			context.getBean(HibernateEncryption.class).getReadListener().plaintextRead(COLUMN);
		});
	}

	@Test
	void backsOffWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EncryptedReadMetrics.class)
				.hasSingleBean(HibernateEncryption.class));
	}

	@Test
	void tellsEveryReadListener() {
		List<EncryptedColumn> told = new java.util.ArrayList<>();
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.withBean("first", EncryptedReadListener.class, () -> new EncryptedReadListener() {

				@Override
				public void plaintextRead(EncryptedColumn column) {
					told.add(column);
				}

			})
			.withBean("second", EncryptedReadListener.class, () -> new EncryptedReadListener() {

				@Override
				public void plaintextRead(EncryptedColumn column) {
					told.add(column);
				}

			})
			.run((context) -> {
				context.getBean(HibernateEncryption.class).getReadListener().plaintextRead(COLUMN);
				assertThat(told).containsExactly(COLUMN, COLUMN);
			});
	}

}
