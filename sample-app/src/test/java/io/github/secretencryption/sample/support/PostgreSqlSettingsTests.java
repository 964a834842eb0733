package io.github.secretencryption.sample.support;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PostgreSqlSettings}.
 */
class PostgreSqlSettingsTests {

	private static final Map<String, String> CONFIGURED = Map.of("SECRET_ENCRYPTION_TEST_POSTGRES_URL",
			"jdbc:postgresql://127.0.0.1:5432/test", "SECRET_ENCRYPTION_TEST_POSTGRES_USER", "test",
			"SECRET_ENCRYPTION_TEST_POSTGRES_PASSWORD", "secret");

	@Test
	void settingsAreConfiguredWhenUrlUserAndPasswordAreSet() {
		PostgreSqlSettings settings = PostgreSqlSettings.of(CONFIGURED, Map.of());
		assertThat(settings.isConfigured()).isTrue();
		assertThat(settings.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
		assertThat(settings.username()).isEqualTo("test");
		assertThat(settings.password()).isEqualTo("secret");
		assertThat(settings.required()).isFalse();
	}

	@Test
	void settingsAreNotConfiguredWhenAnyVariableIsMissingOrBlank() {
		assertThat(PostgreSqlSettings.of(Map.of(), Map.of()).isConfigured()).isFalse();
		assertThat(PostgreSqlSettings
			.of(Map.of("SECRET_ENCRYPTION_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test",
					"SECRET_ENCRYPTION_TEST_POSTGRES_USER", "test", "SECRET_ENCRYPTION_TEST_POSTGRES_PASSWORD", " "),
					Map.of())
			.isConfigured()).isFalse();
	}

	@Test
	void reasonNamesEveryVariableAndTheScriptThatSetsThem() {
		assertThat(PostgreSqlSettings.of(Map.of(), Map.of()).missingReason()).contains(
				"SECRET_ENCRYPTION_TEST_POSTGRES_URL", "SECRET_ENCRYPTION_TEST_POSTGRES_USER",
				"SECRET_ENCRYPTION_TEST_POSTGRES_PASSWORD", "scripts/test.sh");
	}

	@Test
	void postgreSqlIsRequiredBySystemPropertyOrOnCi() {
		assertThat(
				PostgreSqlSettings.of(Map.of(), Map.of("secret-encryption.test.require-postgres", "true")).required())
			.isTrue();
		assertThat(PostgreSqlSettings.of(Map.of("CI", "true"), Map.of()).required()).isTrue();
		assertThat(PostgreSqlSettings.of(Map.of("CI", "1"), Map.of()).required()).isTrue();
	}

	@Test
	void postgreSqlIsOptionalOtherwise() {
		assertThat(PostgreSqlSettings.of(Map.of(), Map.of()).required()).isFalse();
		assertThat(PostgreSqlSettings.of(Map.of("CI", "false"), Map.of()).required()).isFalse();
		assertThat(
				PostgreSqlSettings.of(Map.of(), Map.of("secret-encryption.test.require-postgres", "false")).required())
			.isFalse();
	}

	@Test
	void toStringLeavesOutThePassword() {
		assertThat(PostgreSqlSettings.of(CONFIGURED, Map.of()).toString()).doesNotContain("secret");
	}

}
