package io.github.secretencryption.lengths;

import java.util.Map;
import java.util.UUID;

class H2EncryptedColumnLengthIntegrationTests extends EncryptedColumnLengthIntegrationTests {

	@Override
	Map<String, String> freshDatabase(String name) {
		return Map.of("spring.datasource.url", "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
	}

}
