package io.github.secretencryption.migration;

import javax.sql.DataSource;

import io.github.secretencryption.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class PostgreSqlKeyUsageTests extends KeyUsageTests {

	@Override
	DataSource freshDatabase() {
		return PostgresTestDatabase.freshDataSource("key_usage");
	}

}
