package io.github.secretencryption.autoconfigure.command;

import java.util.Map;

import io.github.secretencryption.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class PostgreSqlMigrateSecretsCommandIntegrationTests extends MigrateSecretsCommandIntegrationTests {

	@Override
	Map<String, String> freshDatabase(String name) {
		return PostgresTestDatabase.freshSchema(name);
	}

}
