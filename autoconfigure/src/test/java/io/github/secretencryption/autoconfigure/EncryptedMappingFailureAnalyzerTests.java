package io.github.secretencryption.autoconfigure;

import io.github.secretencryption.EncryptedMappingException;
import io.github.secretencryption.SecretLocation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EncryptedMappingFailureAnalyzer}.
 */
class EncryptedMappingFailureAnalyzerTests {

	@Test
	void describesTheMappingAndSaysWhatToChange() {
		EncryptedMappingException mapping = new EncryptedMappingException(
				"@Encrypted attribute com.example.Mailer.password uses key 'mail', which is not configured; "
						+ "configured keys are [secret-encryption, health-check]",
				"Fix the key name in @Encrypted(key = ...), or add 'mail' to secret-encryption.keys if the "
						+ "attribute needs a key of its own",
				SecretLocation.ofKey("mail", null));
		FailureAnalysis analysis = new EncryptedMappingFailureAnalyzer()
			.analyze(new BeanCreationException("entityManagerFactory", "Failed", mapping));
		assertThat(analysis.getDescription()).isEqualTo("@Encrypted attribute com.example.Mailer.password uses key "
				+ "'mail', which is not configured; configured keys are [secret-encryption, health-check].");
		assertThat(analysis.getAction()).isEqualTo("Fix the key name in @Encrypted(key = ...), or add 'mail' to "
				+ "secret-encryption.keys if the attribute needs a key of its own.");
	}

}
