package io.github.secretencryption.jpa;

import java.util.Map;
import java.util.UUID;

class H2RenamedMappingIntegrationTests extends RenamedMappingIntegrationTests {

	@Override
	Map<String, String> freshDatabase(String name) {
		return Map.of("spring.datasource.url", "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
	}

}
