package io.github.secretencryption.jdbc;

import java.util.Map;

import io.github.secretencryption.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class PostgreSqlKeyLossGuardIntegrationTests extends KeyLossGuardIntegrationTests {

	@Override
	Map<String, String> freshDatabase(String name) {
		return PostgresTestDatabase.freshSchema(name);
	}

}
