package io.github.secretencryption.autoconfigure;

import java.util.UUID;

import io.github.secretencryption.jpa.Account;
import io.github.secretencryption.jpa.HibernateEncryption;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class EncryptionNotConfiguredFailureAnalyzerTests {

	@Test
	void namesTheAttributeAndHowToConnectThePersistenceUnit() {
		LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
		factory.setDataSource(
				new DriverManagerDataSource("jdbc:h2:mem:unconnected-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
		factory.setPackagesToScan(Account.class.getPackageName());
		factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		Throwable failure = catchThrowable(factory::afterPropertiesSet);
		FailureAnalysis analysis = new EncryptionNotConfiguredFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).startsWith("A persistence unit maps @Encrypted attribute ")
			.containsPattern("Account\\.(apiToken|probePassword|renamedToken) but is not connected to "
					+ "secret-encryption, so it could only store plaintext\\.");
		assertThat(analysis.getAction()).contains("'" + HibernateEncryption.SETTING + "'")
			.contains("factoryBean.getJpaPropertyMap().putAll(hibernateEncryption.toHibernateProperties())");
	}

}
