package io.github.secretencryption.migration;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

class H2KeyUsageTests extends KeyUsageTests {

	@Override
	DataSource freshDatabase() {
		return new DriverManagerDataSource("jdbc:h2:mem:usage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
	}

}
