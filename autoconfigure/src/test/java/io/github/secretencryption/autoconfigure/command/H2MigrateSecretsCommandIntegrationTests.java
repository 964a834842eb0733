package io.github.secretencryption.autoconfigure.command;

import java.util.Map;
import java.util.UUID;

class H2MigrateSecretsCommandIntegrationTests extends MigrateSecretsCommandIntegrationTests {

	@Override
	Map<String, String> freshDatabase(String name) {
		return Map.of("spring.datasource.url", "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
	}

}
