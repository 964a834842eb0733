package io.github.secretencryption.jasypt;

import java.util.Map;

import io.github.secretencryption.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class PostgreSqlEncryptedConfigValuesIntegrationTests extends EncryptedConfigValuesIntegrationTests {

	@Override
	Map<String, String> freshDatabase(String name) {
		return PostgresTestDatabase.freshSchema(name);
	}

}
