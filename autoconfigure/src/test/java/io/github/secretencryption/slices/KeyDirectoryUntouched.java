package io.github.secretencryption.slices;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the slice tests: the application names a key directory, as its own
 * {@code application.properties} would, and the tests turn on insecure ephemeral keys;
 * the key directory must never be created.
 */
abstract class KeyDirectoryUntouched {

	@TempDir
	static Path temp;

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("secret-encryption.key-directory", () -> keyDirectory().toString());
		registry.add("secret-encryption.insecure-ephemeral-keys", () -> "true");
	}

	static Path keyDirectory() {
		return temp.resolve("real-keys");
	}

	@AfterAll
	static void keyDirectoryWasNotCreated() {
		assertThat(Files.exists(keyDirectory())).isFalse();
	}

}
