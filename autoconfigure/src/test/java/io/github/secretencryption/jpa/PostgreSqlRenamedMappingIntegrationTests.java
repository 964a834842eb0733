package io.github.secretencryption.jpa;

import java.util.Map;

import io.github.secretencryption.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class PostgreSqlRenamedMappingIntegrationTests extends RenamedMappingIntegrationTests {

	@Override
	Map<String, String> freshDatabase(String name) {
		return PostgresTestDatabase.freshSchema(name);
	}

}
