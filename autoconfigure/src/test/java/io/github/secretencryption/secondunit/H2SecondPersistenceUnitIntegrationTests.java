package io.github.secretencryption.secondunit;

import java.util.UUID;

import javax.sql.DataSource;

import io.github.secretencryption.EncryptionNotConfiguredException;
import io.github.secretencryption.jpa.HibernateEncryption;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class H2SecondPersistenceUnitIntegrationTests extends SecondPersistenceUnitIntegrationTests {

	@Override
	DataSource freshDatabase(String name) {
		return new DriverManagerDataSource("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa",
				"");
	}

	@Test
	void unconnectedSecondUnitStopsStartupSayingHowToConnectIt() {
		contextRunner().withUserConfiguration(UnconnectedSecondUnit.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(EncryptionNotConfiguredException.class)
				.hasMessageContaining("VaultEntry.secret")
				.hasMessageContaining(HibernateEncryption.SETTING));
	}

}
