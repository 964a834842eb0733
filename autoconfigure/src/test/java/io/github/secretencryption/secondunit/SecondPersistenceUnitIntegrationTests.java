package io.github.secretencryption.secondunit;

import java.util.Map;

import javax.sql.DataSource;

import io.github.secretencryption.AttributeNotQueryableException;
import io.github.secretencryption.autoconfigure.InsecureEphemeralKeysAutoConfiguration;
import io.github.secretencryption.autoconfigure.SecretEncryptionAutoConfiguration;
import io.github.secretencryption.autoconfigure.SecretEncryptionJpaAutoConfiguration;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jpa.Account;
import io.github.secretencryption.jpa.HibernateEncryption;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jpa.EntityManagerFactoryBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application with a second data source whose persistence unit is built by hand, next
 * to the main unit that Spring Boot's builder makes: unconnected, it stops startup with a
 * message saying how to connect it; connected, it encrypts with the application's keys
 * and checks queries like the main unit. Run on each database by a subclass; the
 * unconnected case fails while Hibernate maps the entities, so only the H2 subclass runs
 * it.
 */
abstract class SecondPersistenceUnitIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HibernateJpaAutoConfiguration.class, InsecureEphemeralKeysAutoConfiguration.class,
						SecretEncryptionAutoConfiguration.class, SecretEncryptionJpaAutoConfiguration.class))
		.withPropertyValues("secret-encryption.insecure-ephemeral-keys=true",
				"spring.jpa.hibernate.ddl-auto=create-drop");

	abstract DataSource freshDatabase(String name);

	ApplicationContextRunner contextRunner() {
		DataSource main = freshDatabase("main_unit");
		DataSource second = freshDatabase("second_unit");
		return this.contextRunner
			.withBean("dataSource", DataSource.class, () -> main, (definition) -> definition.setPrimary(true))
			.withBean("secondDataSource", DataSource.class, () -> second);
	}

	@Test
	void connectedSecondUnitEncryptsWithTheApplicationsKeysAndChecksQueries() {
		contextRunner().withUserConfiguration(ConnectedSecondUnit.class).run((context) -> {
			EntityManagerFactory second = context.getBean("secondEntityManagerFactory", EntityManagerFactory.class);
			EntityManager entityManager = second.createEntityManager();
			entityManager.getTransaction().begin();
			VaultEntry entry = new VaultEntry("second-unit-secret");
			entityManager.persist(entry);
			entityManager.getTransaction().commit();
			entityManager.close();
			String raw = new JdbcTemplate(context.getBean("secondDataSource", DataSource.class))
				.queryForObject("select secret from vault_entries where id = ?", String.class, entry.getId());
			assertThat(raw).startsWith(AesGcmEncryptor.PREFIX).doesNotContain("second-unit-secret");
			assertThat(context.getBean(AesGcmEncryptor.class)
				.decrypt("secret-encryption", raw, "vault_entries.secret".getBytes())).isEqualTo("second-unit-secret");
			EntityManager reader = second.createEntityManager();
			assertThat(reader.find(VaultEntry.class, entry.getId()).getSecret()).isEqualTo("second-unit-secret");
			assertThatExceptionOfType(AttributeNotQueryableException.class)
				.isThrownBy(() -> reader.createQuery("select v from VaultEntry v where v.secret = :secret")
					.setParameter("secret", "second-unit-secret")
					.getResultList())
				.withMessageContaining("VaultEntry.secret");
			reader.close();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class MainUnit {

		@Bean
		@Primary
		LocalContainerEntityManagerFactoryBean entityManagerFactory(EntityManagerFactoryBuilder builder,
				DataSource dataSource) {
			return builder.dataSource(dataSource).packages(Account.class).persistenceUnit("main").build();
		}

		static LocalContainerEntityManagerFactoryBean secondUnit(DataSource dataSource,
				Map<String, Object> properties) {
			LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
			factory.setDataSource(dataSource);
			factory.setPackagesToScan(VaultEntry.class.getPackageName());
			factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
			factory.setPersistenceUnitName("second");
			factory.getJpaPropertyMap().put("hibernate.hbm2ddl.auto", "create-drop");
			factory.getJpaPropertyMap().putAll(properties);
			return factory;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnconnectedSecondUnit extends MainUnit {

		@Bean
		LocalContainerEntityManagerFactoryBean secondEntityManagerFactory(
				@Qualifier("secondDataSource") DataSource dataSource) {
			return secondUnit(dataSource, Map.of());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConnectedSecondUnit extends MainUnit {

		@Bean
		LocalContainerEntityManagerFactoryBean secondEntityManagerFactory(
				@Qualifier("secondDataSource") DataSource dataSource, HibernateEncryption hibernateEncryption) {
			return secondUnit(dataSource, hibernateEncryption.toHibernateProperties());
		}

	}

}
