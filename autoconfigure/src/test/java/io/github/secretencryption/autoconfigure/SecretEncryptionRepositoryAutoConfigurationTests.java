package io.github.secretencryption.autoconfigure;

import java.util.List;

import io.github.secretencryption.AttributeNotQueryableException;
import io.github.secretencryption.data.EncryptedAttributeRepositoryChecks;
import io.github.secretencryption.queries.Member;
import io.github.secretencryption.queries.MemberRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;
import org.springframework.data.repository.query.Param;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repository query methods that compare an encrypted attribute stop the application at
 * startup; those that only test it for null start.
 */
class SecretEncryptionRepositoryAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				InsecureEphemeralKeysAutoConfiguration.class, SecretEncryptionAutoConfiguration.class,
				SecretEncryptionJpaAutoConfiguration.class, SecretEncryptionRepositoryAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:repository-startup",
				"secret-encryption.insecure-ephemeral-keys=true");

	@ParameterizedTest
	@ValueSource(classes = { FindByEmail.class, FindByEmailContaining.class, ExistsByEmail.class,
			FindByNameOrEmailStartingWith.class, FindBySponsorEmail.class, FindAllByOrderByEmail.class,
			DeclaredEquality.class, DeclaredLike.class })
	void queryMethodThatComparesAnEncryptedAttributeStopsStartup(Class<?> repository) {
		withRepository(repository).run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOf(AttributeNotQueryableException.class)
			.hasMessageStartingWith("Repository method " + repository.getSimpleName() + ".")
			.hasMessageContaining("encrypted attribute email in ")
			.hasMessageContaining("random nonce")
			.hasMessageContaining("IS NULL and IS NOT NULL")
			.hasMessageContaining("attribute " + Member.class.getName() + ".email"));
	}

	@Test
	void messageNamesTheDerivedCondition() {
		withRepository(FindByEmailContaining.class).run((context) -> assertThat(context).getFailure()
			.rootCause()
			.hasMessageStartingWith("Repository method FindByEmailContaining.findByEmailContaining uses "
					+ "encrypted attribute email in a derived CONTAINING condition"));
	}

	@Test
	void failureAnalysisSaysWhatToChange() {
		withRepository(FindByEmail.class).run((context) -> {
			FailureAnalysis analysis = new AttributeNotQueryableFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("Repository method FindByEmail.findByEmail uses encrypted "
					+ "attribute email in a derived SIMPLE_PROPERTY condition, which the database cannot evaluate: "
					+ "every value is encrypted with a random nonce, so equal plaintexts have different ciphertexts "
					+ "and the database sees no order, prefix or pattern of the plaintext. Only IS NULL and IS NOT "
					+ "NULL work on an encrypted attribute; select the rows by another attribute and compare the "
					+ "decrypted values in Java (attribute " + Member.class.getName() + ".email).");
			assertThat(analysis.getAction()).isEqualTo("Change the query to select rows by attributes that are not "
					+ "encrypted, or to test the encrypted attribute only with IS NULL or IS NOT NULL, and compare "
					+ "the decrypted values in Java.");
		});
	}

	@Test
	void queryMethodsThatOnlyTestForNullStart() {
		withRepository(MemberRepository.class)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(MemberRepository.class));
	}

	@Test
	void nativeQueriesAreNotChecked() {
		withRepository(NativeEquality.class).run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void backsOffWithoutSpringDataJpa() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(JpaRepositoryFactoryBean.class))
			.withUserConfiguration(NoRepositoriesConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EncryptedAttributeRepositoryChecks.class));
	}

	private ApplicationContextRunner withRepository(Class<?> repository) {
		return this.contextRunner.withPropertyValues("test.repository=" + repository.getName())
			.withUserConfiguration(OneRepositoryConfiguration.class);
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Member.class)
	@EnableJpaRepositories(
			basePackageClasses = { Member.class, SecretEncryptionRepositoryAutoConfigurationTests.class },
			considerNestedRepositories = true,
			includeFilters = @Filter(type = FilterType.CUSTOM, classes = SelectedRepository.class))
	static class OneRepositoryConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Member.class)
	static class NoRepositoriesConfiguration {

	}

	/**
	 * Selects the one repository interface named by the property {@code test.repository}.
	 */
	static class SelectedRepository implements TypeFilter {

		private final String selected;

		SelectedRepository(Environment environment) {
			this.selected = environment.getRequiredProperty("test.repository");
		}

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
			return reader.getClassMetadata().getClassName().equals(this.selected);
		}

	}

	interface FindByEmail extends JpaRepository<Member, Long> {

		List<Member> findByEmail(String email);

	}

	interface FindByEmailContaining extends JpaRepository<Member, Long> {

		List<Member> findByEmailContaining(String part);

	}

	interface ExistsByEmail extends JpaRepository<Member, Long> {

		List<Member> findByName(String name);

		boolean existsByEmail(String email);

	}

	interface FindByNameOrEmailStartingWith extends JpaRepository<Member, Long> {

		List<Member> findByNameOrEmailStartingWith(String name, String prefix);

	}

	interface FindBySponsorEmail extends JpaRepository<Member, Long> {

		List<Member> findBySponsorEmail(String email);

	}

	interface FindAllByOrderByEmail extends JpaRepository<Member, Long> {

		List<Member> findAllByOrderByEmail();

	}

	interface DeclaredEquality extends JpaRepository<Member, Long> {

		@Query("select m from Member m where m.email = :email")
		List<Member> findByAddress(@Param("email") String email);

	}

	interface DeclaredLike extends JpaRepository<Member, Long> {

		@Query("select m from Member m where m.email like %?1%")
		List<Member> findByAddressPart(String part);

	}

	interface NativeEquality extends JpaRepository<Member, Long> {

		@Query(value = "select * from members where email = ?1", nativeQuery = true)
		List<Member> findByAddressNatively(String email);

	}

}
