package io.github.secretencryption.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConfigKeyEnvironmentPostProcessor}.
 */
class ConfigKeyEnvironmentPostProcessorTests {

	private final ConfigKeyEnvironmentPostProcessor postProcessor = new ConfigKeyEnvironmentPostProcessor(
			(log) -> log.get());

	private final SpringApplication application = new SpringApplication();

	@Test
	void addsTheConfigKeyToTheDefaultKeys() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, this.application);
		assertThat(keys(environment)).containsExactly("secret-encryption", "health-check", "config");
		assertThat(environment.getPropertySources().iterator().next().getName())
			.isEqualTo(ConfigKeyEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
	}

	@Test
	void addsTheConfiguredKeyNameToTheConfiguredKeys() {
		MockEnvironment environment = new MockEnvironment().withProperty("secret-encryption.keys[0]", "app")
			.withProperty("secret-encryption.keys[1]", "reports")
			.withProperty("secret-encryption.config.key-name", "settings");
		this.postProcessor.postProcessEnvironment(environment, this.application);
		assertThat(keys(environment)).containsExactly("app", "reports", "settings");
	}

	@Test
	void leavesKeysThatAlreadyHoldTheConfigKeyAlone() {
		MockEnvironment environment = new MockEnvironment().withProperty("secret-encryption.keys", "config,app");
		this.postProcessor.postProcessEnvironment(environment, this.application);
		assertThat(keys(environment)).containsExactly("config", "app");
		assertThat(environment.getPropertySources().contains(ConfigKeyEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	@Test
	void addsNothingWhenDisabled() {
		MockEnvironment environment = new MockEnvironment().withProperty("secret-encryption.config.enabled", "false");
		this.postProcessor.postProcessEnvironment(environment, this.application);
		assertThat(environment.getPropertySources().contains(ConfigKeyEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	@Test
	void addsNothingWhenJasyptDecryptsWithAnotherBean() {
		MockEnvironment environment = new MockEnvironment().withProperty("jasypt.encryptor.bean", "vaultEncryptor");
		this.postProcessor.postProcessEnvironment(environment, this.application);
		assertThat(environment.getPropertySources().contains(ConfigKeyEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	@Test
	void addsNothingWithoutJasypt() {
		this.application
			.setResourceLoader(new DefaultResourceLoader(new FilteredClassLoader("org.jasypt.", "com.ulisesbocchio.")));
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, this.application);
		assertThat(environment.getPropertySources().contains(ConfigKeyEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	private static List<String> keys(MockEnvironment environment) {
		return Binder.get(environment).bind("secret-encryption.keys", Bindable.listOf(String.class)).get();
	}

}
