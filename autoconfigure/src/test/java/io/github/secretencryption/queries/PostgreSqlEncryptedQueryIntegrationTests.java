package io.github.secretencryption.queries;

import io.github.secretencryption.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(PostgresTestDatabase.class)
class PostgreSqlEncryptedQueryIntegrationTests extends EncryptedQueryIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresTestDatabase.registerFreshSchema(registry, "encrypted_queries");
	}

}
