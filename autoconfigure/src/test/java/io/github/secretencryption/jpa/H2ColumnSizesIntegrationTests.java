package io.github.secretencryption.jpa;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class H2ColumnSizesIntegrationTests extends ColumnSizesIntegrationTests {

	@Override
	DataSource freshDatabase() {
		return new SingleConnectionDataSource("jdbc:h2:mem:sizes-" + UUID.randomUUID(), "sa", "", true);
	}

	@Override
	String unlimitedTextType() {
		return "character large object";
	}

}
