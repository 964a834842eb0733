package io.github.secretencryption.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class InsecureEphemeralKeysAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InsecureEphemeralKeysAutoConfiguration.class,
				SecretEncryptionAutoConfiguration.class));

	@TempDir
	Path temp;

	@Test
	void usesRandomKeysInMemoryAndNeverTouchesTheKeyDirectory(CapturedOutput output) {
		Path keys = this.temp.resolve("keys");
		this.contextRunner
			.withPropertyValues("secret-encryption.insecure-ephemeral-keys=true",
					"secret-encryption.key-directory=" + keys, "secret-encryption.keys=secret-encryption,reports")
			.run((context) -> {
				KeyRing keyRing = context.getBean(KeyRing.class);
				assertThat(keyRing.getNames()).containsExactly("secret-encryption", "reports");
				assertThat(keyRing.getKeys("secret-encryption")).singleElement()
					.extracting(EncryptionKey::getFile)
					.isNull();
				assertThat(Files.exists(keys)).isFalse();
				assertThat(output).contains("WARN", "Using insecure ephemeral keys [",
						"for key names [secret-encryption, reports]", "no key directory is used",
						"Set secret-encryption.insecure-ephemeral-keys only in tests");
			});
	}

	@Test
	void needsNoKeyDirectory() {
		this.contextRunner.withPropertyValues("secret-encryption.insecure-ephemeral-keys=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(KeyRing.class));
	}

	@Test
	void eachStartGetsNewKeys() {
		String[] first = new String[1];
		this.contextRunner.withPropertyValues("secret-encryption.insecure-ephemeral-keys=true")
			.run((context) -> first[0] = context.getBean(KeyRing.class)
				.getPrimary("secret-encryption")
				.getId()
				.toString());
		this.contextRunner.withPropertyValues("secret-encryption.insecure-ephemeral-keys=true")
			.run((context) -> assertThat(context.getBean(KeyRing.class).getPrimary("secret-encryption").getId())
				.doesNotHaveToString(first[0]));
	}

	@Test
	void backsOffUnlessTurnedOn(CapturedOutput output) {
		Path keys = this.temp.resolve("keys");
		this.contextRunner
			.withPropertyValues("secret-encryption.insecure-ephemeral-keys=false",
					"secret-encryption.key-directory=" + keys)
			.run((context) -> {
				assertThat(context.getBean(KeyRing.class).getPrimary("secret-encryption").getFile())
					.isEqualTo(keys.resolve("secret-encryption.key"));
				assertThat(output).doesNotContain("insecure ephemeral keys");
			});
	}

}
