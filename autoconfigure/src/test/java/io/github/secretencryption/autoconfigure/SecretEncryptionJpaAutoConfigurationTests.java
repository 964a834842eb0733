package io.github.secretencryption.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import io.github.secretencryption.jpa.CheckingSqmTranslatorFactory;
import io.github.secretencryption.jpa.HibernateEncryption;
import io.github.secretencryption.jpa.PlaintextReads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SecretEncryptionJpaAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InsecureEphemeralKeysAutoConfiguration.class,
				SecretEncryptionAutoConfiguration.class, SecretEncryptionJpaAutoConfiguration.class))
		.withPropertyValues("secret-encryption.insecure-ephemeral-keys=true");

	@Test
	void rejectsLegacyPlaintextByDefault() {
		this.contextRunner.run((context) -> assertThat(context.getBean(HibernateEncryption.class).getPlaintextReads())
			.isEqualTo(PlaintextReads.REJECT));
	}

	@Test
	void allowsLegacyPlaintextWhenConfigured() {
		this.contextRunner.withPropertyValues("secret-encryption.plaintext-reads=allow")
			.run((context) -> assertThat(context.getBean(HibernateEncryption.class).getPlaintextReads())
				.isEqualTo(PlaintextReads.ALLOW));
	}

	@Test
	void connectsTheUnitAndItsQueryCheck() {
		this.contextRunner.run((context) -> {
			Map<String, Object> properties = new HashMap<>();
			context.getBean(HibernatePropertiesCustomizer.class).customize(properties);
			assertThat(properties)
				.containsEntry(HibernateEncryption.SETTING, context.getBean(HibernateEncryption.class))
				.containsEntry(HibernateEncryption.QUERY_TRANSLATOR_SETTING,
						CheckingSqmTranslatorFactory.class.getName());
		});
	}

	@Test
	void keepsTheApplicationsOwnQueryTranslatorAndWarns(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			Map<String, Object> properties = new HashMap<>();
			properties.put(HibernateEncryption.QUERY_TRANSLATOR_SETTING, "com.example.OwnTranslatorFactory");
			context.getBean(HibernatePropertiesCustomizer.class).customize(properties);
			assertThat(properties).containsEntry(HibernateEncryption.QUERY_TRANSLATOR_SETTING,
					"com.example.OwnTranslatorFactory");
			assertThat(output).contains("Queries are not checked for uses of encrypted attributes");
		});
	}

}
