package io.github.secretencryption.lengths;

import java.util.Map;

import io.github.secretencryption.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class PostgreSqlEncryptedColumnLengthIntegrationTests extends EncryptedColumnLengthIntegrationTests {

	@Override
	Map<String, String> freshDatabase(String name) {
		return PostgresTestDatabase.freshSchema(name);
	}

}
