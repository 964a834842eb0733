package io.github.secretencryption.jpa;

import javax.sql.DataSource;

import io.github.secretencryption.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class PostgreSqlColumnSizesIntegrationTests extends ColumnSizesIntegrationTests {

	@Override
	DataSource freshDatabase() {
		return PostgresTestDatabase.freshDataSource("column_sizes");
	}

	@Override
	String unlimitedTextType() {
		return "text";
	}

}
