package io.github.secretencryption.secondunit;

import javax.sql.DataSource;

import io.github.secretencryption.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class PostgreSqlSecondPersistenceUnitIntegrationTests extends SecondPersistenceUnitIntegrationTests {

	@Override
	DataSource freshDatabase(String name) {
		return PostgresTestDatabase.freshDataSource(name);
	}

}
