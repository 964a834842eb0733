package io.github.secretencryption.autoconfigure;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.secretencryption.jasypt.ConfigValueEncryptor;
import io.github.secretencryption.jasypt.LegacyPbeDecryptor;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata that IDEs read: every property is described, and the
 * defaults that come from constants elsewhere are the ones the code uses.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescriptionAndTheDefaultsTheCodeUses() throws Exception {
		JsonNode metadata;
		try (InputStream in = SecretEncryptionProperties.class.getProtectionDomain()
			.getCodeSource()
			.getLocation()
			.toURI()
			.resolve("META-INF/spring-configuration-metadata.json")
			.toURL()
			.openStream()) {
			assertThat(in).as("generated metadata").isNotNull();
			metadata = JsonMapper.builder().build().readTree(in);
		}
		List<JsonNode> properties = metadata.get("properties")
			.valueStream()
			.filter((property) -> property.get("name").asString().startsWith("secret-encryption."))
			.toList();
		assertThat(properties).hasSizeGreaterThan(20)
			.allSatisfy(
					(property) -> assertThat(property.path("description").asString()).as("%s", property).isNotBlank());
		Map<String, String> defaults = properties.stream()
			.filter((property) -> property.has("defaultValue"))
			.collect(Collectors.toMap((property) -> property.get("name").asString(),
					(property) -> property.get("defaultValue").isValueNode() ? property.get("defaultValue").asString()
							: property.get("defaultValue").toString()));
		assertThat(defaults).containsEntry("secret-encryption.config.key-name", ConfigValueEncryptor.DEFAULT_KEY_NAME)
			.containsEntry("secret-encryption.migration.jasypt.algorithm", LegacyPbeDecryptor.DEFAULT_ALGORITHM)
			.containsEntry("secret-encryption.migration.jasypt.key-obtention-iterations",
					String.valueOf(LegacyPbeDecryptor.DEFAULT_ITERATIONS))
			.containsEntry("secret-encryption.migration.jasypt.iv-generator-classname",
					LegacyPbeDecryptor.DEFAULT_IV_GENERATOR)
			.containsEntry("secret-encryption.migration.jasypt.salt-generator-classname",
					LegacyPbeDecryptor.DEFAULT_SALT_GENERATOR)
			.containsEntry("secret-encryption.migration.jasypt.string-output-type",
					LegacyPbeDecryptor.DEFAULT_STRING_OUTPUT_TYPE);
	}

}
