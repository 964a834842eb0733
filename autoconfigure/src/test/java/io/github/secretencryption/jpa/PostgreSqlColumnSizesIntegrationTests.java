package io.github.secretencryption.jpa;

import java.util.Map;

import javax.sql.DataSource;

import io.github.secretencryption.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

@ExtendWith(PostgresTestDatabase.class)
class PostgreSqlColumnSizesIntegrationTests extends ColumnSizesIntegrationTests {

	@Override
	DataSource freshDatabase() {
		Map<String, String> properties = PostgresTestDatabase.freshSchema("column_sizes");
		return new DriverManagerDataSource(properties.get("spring.datasource.url"),
				properties.get("spring.datasource.username"), properties.get("spring.datasource.password"));
	}

	@Override
	String unlimitedTextType() {
		return "text";
	}

}
