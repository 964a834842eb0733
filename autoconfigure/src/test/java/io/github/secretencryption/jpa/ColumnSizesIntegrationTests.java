package io.github.secretencryption.jpa;

import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Column sizes as the database's metadata reports them. Run on each database by a
 * subclass.
 */
abstract class ColumnSizesIntegrationTests {

	abstract DataSource freshDatabase();

	abstract String unlimitedTextType();

	@Test
	void readsTheSizeOfVarcharColumnsAndTakesTextAsUnlimited() throws Exception {
		DataSource dataSource = freshDatabase();
		new JdbcTemplate(dataSource).execute("create table sized (id bigint primary key, short_value varchar(60), "
				+ "long_value " + unlimitedTextType() + ")");
		try (Connection connection = dataSource.getConnection()) {
			assertThat(ColumnSizes.find(connection, "sized", "short_value")).isEqualTo(60);
			assertThat(ColumnSizes.find(connection, "SIZED", "SHORT_VALUE")).isEqualTo(60);
			assertThat(ColumnSizes.find(connection, "sized", "long_value")).isEqualTo(ColumnSizes.UNLIMITED);
			assertThat(ColumnSizes.find(connection, "sized", "missing")).isEqualTo(ColumnSizes.UNKNOWN);
			assertThat(ColumnSizes.find(connection, "missing", "short_value")).isEqualTo(ColumnSizes.UNKNOWN);
		}
	}

}
