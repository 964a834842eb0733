package io.github.secretencryption.sample;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the application's configuration files.
 */
class ApplicationPropertiesTests {

	@Test
	void defaultsUseAnH2FileAndKeysNextToTheWorkingDirectory() {
		MockEnvironment environment = load();
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:file:./data/patch-manager");
		assertThat(environment.getProperty("secret-encryption.key-directory")).isEqualTo("./keys");
		assertThat(environment.getProperty("spring.jpa.open-in-view")).isEqualTo("false");
		assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
		assertThat(environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
	}

	@Test
	void productionProfileUsesPostgreSqlAndKeysUnderEtc() {
		MockEnvironment environment = load("prod");
		assertThat(environment.getProperty("spring.datasource.url"))
			.isEqualTo("jdbc:postgresql://127.0.0.1:5432/patch_manager");
		assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("patch_manager");
		assertThat(environment.getProperty("spring.datasource.password")).isEmpty();
		assertThat(environment.getProperty("secret-encryption.key-directory")).isEqualTo("/etc/patch-manager/keys");
		assertThat(environment.getProperty("management.endpoints.web.exposure.include")).isEqualTo("health");
		assertThat(environment.getProperty("management.endpoint.health.show-details")).isEqualTo("never");
	}

	@Test
	void productionProfileReadsTheDatabaseFromEnvironmentVariables() {
		MockEnvironment environment = new MockEnvironment();
		environment.setProperty("PATCH_MANAGER_DB_URL", "jdbc:postgresql://db.internal:5432/pm");
		environment.setProperty("PATCH_MANAGER_DB_USER", "pm");
		environment.setProperty("PATCH_MANAGER_DB_PASSWORD", "from-environment");
		ConfigDataEnvironmentPostProcessor.applyTo(environment, null, null, List.of("prod"));
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.internal:5432/pm");
		assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("pm");
		assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("from-environment");
	}

	private MockEnvironment load(String... profiles) {
		MockEnvironment environment = new MockEnvironment();
		ConfigDataEnvironmentPostProcessor.applyTo(environment, null, null, List.of(profiles));
		return environment;
	}

}
