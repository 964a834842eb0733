package io.github.secretencryption.jpa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.secretencryption.renamed.Credential;
import io.github.secretencryption.renamed.RenamedMappingApplication;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value stays readable when the Java class and field that map its column are renamed,
 * since the associated data is the physical table and column. Run on each database by a
 * subclass.
 */
abstract class RenamedMappingIntegrationTests {

	@TempDir
	Path keys;

	abstract Map<String, String> freshDatabase(String name);

	@Test
	void aValueWrittenThroughOneClassAndFieldIsReadThroughRenamedOnes() {
		Map<String, String> database = freshDatabase("renamed_mapping");
		Long id;
		try (ConfigurableApplicationContext context = start(JpaTestApplication.class, database, "create")) {
			Account account = new Account("renamed");
			account.setApiToken("token-before-the-rename");
			id = context.getBean(AccountRepository.class).save(account).getId();
		}
		try (ConfigurableApplicationContext context = start(RenamedMappingApplication.class, database, "none")) {
			EntityManager entityManager = context.getBean(EntityManagerFactory.class).createEntityManager();
			try {
				assertThat(entityManager.find(Credential.class, id).getSecretValue())
					.isEqualTo("token-before-the-rename");
			}
			finally {
				entityManager.close();
			}
			assertThat(context.getBean(EncryptedColumnRegistry.class).getColumns()).singleElement()
				.satisfies((column) -> assertThat(column.table() + "." + column.column())
					.isEqualTo("test_accounts.api_token"));
		}
	}

	private ConfigurableApplicationContext start(Class<?> application, Map<String, String> database, String ddl) {
		SpringApplication springApplication = new SpringApplication(application);
		springApplication.setWebApplicationType(WebApplicationType.NONE);
		List<String> args = new ArrayList<>(
				List.of("--secret-encryption.key-directory=" + this.keys, "--spring.jpa.hibernate.ddl-auto=" + ddl));
		database.forEach((name, value) -> args.add("--" + name + "=" + value));
		return springApplication.run(args.toArray(String[]::new));
	}

}
