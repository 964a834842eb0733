package io.github.secretencryption.jpa;

import java.util.List;
import java.util.Map;

import io.github.secretencryption.EncryptionNotConfiguredException;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyRing;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A persistence unit built by hand, without Spring Boot's auto-configuration, as a second
 * data source of an application would be.
 */
class HandBuiltPersistenceUnitTests {

	private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
			"jdbc:h2:mem:hand-built;DB_CLOSE_DELAY=-1", "sa", "");

	@Test
	void failsAtStartupWithAMessageSayingHowToConnectTheUnit() {
		LocalContainerEntityManagerFactoryBean factory = factory(Map.of());
		assertThatException().isThrownBy(factory::afterPropertiesSet)
			.havingRootCause()
			.isInstanceOf(EncryptionNotConfiguredException.class)
			.withMessageContaining("Account.apiToken")
			.withMessageContaining(HibernateEncryption.SETTING);
	}

	@Test
	void encryptsLikeTheMainUnitOnceConnected() {
		KeyRing keys = KeyRing.of(List.of(new EncryptionKey("secret-encryption", new byte[32], null),
				new EncryptionKey("health-check", filled(7), null)));
		HibernateEncryption encryption = new HibernateEncryption(new AesGcmEncryptor(keys),
				new EncryptedColumnRegistry(), "MASKED");
		LocalContainerEntityManagerFactoryBean factory = factory(encryption.toHibernateProperties());
		factory.afterPropertiesSet();
		EntityManagerFactory emf = factory.getObject();
		try {
			EntityManager em = emf.createEntityManager();
			em.getTransaction().begin();
			Account account = new Account("second-unit");
			account.setApiToken("second-unit-token");
			em.persist(account);
			em.getTransaction().commit();
			em.close();
			String raw = new JdbcTemplate(this.dataSource)
				.queryForObject("select apiToken from test_accounts where id = ?", String.class, account.getId());
			assertThat(raw).startsWith(AesGcmEncryptor.PREFIX).doesNotContain("second-unit-token");
			EntityManager reader = emf.createEntityManager();
			assertThat(reader.find(Account.class, account.getId()).getApiToken()).isEqualTo("second-unit-token");
			reader.close();
			assertThat(encryption.getRegistry().getColumns()).hasSize(3);
		}
		finally {
			emf.close();
		}
	}

	private LocalContainerEntityManagerFactoryBean factory(Map<String, Object> properties) {
		LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
		factory.setDataSource(this.dataSource);
		factory.setPackagesToScan(Account.class.getPackageName());
		factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		factory.getJpaPropertyMap().put("hibernate.hbm2ddl.auto", "create-drop");
		factory.getJpaPropertyMap().putAll(properties);
		return factory;
	}

	private static byte[] filled(int value) {
		byte[] bytes = new byte[32];
		java.util.Arrays.fill(bytes, (byte) value);
		return bytes;
	}

}
