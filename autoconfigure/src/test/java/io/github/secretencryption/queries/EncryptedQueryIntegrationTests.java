package io.github.secretencryption.queries;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.secretencryption.AttributeNotQueryableException;
import io.github.secretencryption.NotEncryptedValueException;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.keys.KeyRing;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.criteria.Root;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * JPQL, criteria and repository queries on an encrypted attribute, run on each database
 * by a subclass: every query that would make the database compare, match, sort or
 * transform the ciphertext fails before any SQL is sent and before any value is
 * encrypted; null checks, selecting, counting and writing through a parameter keep
 * working.
 */
@SpringBootTest(classes = QueryTestApplication.class,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "secret-encryption.insecure-ephemeral-keys=true" })
@Import(EncryptedQueryIntegrationTests.CountingEncryptorConfiguration.class)
abstract class EncryptedQueryIntegrationTests {

	private static final String EMAIL = "bob@example.test";

	@Autowired
	private MemberRepository members;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private NonceCounter nonces;

	private Member bob;

	@BeforeEach
	void saveBobAndAMemberWithoutEmail() {
		this.jdbc.update("update members set sponsor_id = null");
		this.jdbc.update("delete from members");
		this.bob = this.members.save(new Member("bob", EMAIL));
		this.members.save(new Member("nobody", null));
	}

	@Test
	void jpqlEqualityFailsInsteadOfFindingNothing() {
		assertNotQueryable(() -> jpql("select m from Member m where m.email = :email").setParameter("email", EMAIL)
			.getResultList(), "JPQL query", "a comparison (=)");
		assertNotQueryable(
				() -> jpql("select m from Member m where m.email <> ?1").setParameter(1, EMAIL).getResultList(),
				"JPQL query", "a comparison (<>)");
		assertNotQueryable(() -> jpql("select m from Member m where m.email in ?1").setParameter(1, List.of(EMAIL))
			.getResultList(), "JPQL query", "an IN list");
	}

	@Test
	void jpqlLikeFailsBeforeThePatternReachesTheEncryptor() {
		assertNotQueryable(
				() -> jpql("select m from Member m where m.email like :pattern").setParameter("pattern", "%bob%")
					.getResultList(),
				"JPQL query", "a LIKE pattern");
		assertNotQueryable(() -> jpql("select m from Member m where m.email like '%bob%'").getResultList(),
				"JPQL query", "a LIKE pattern");
	}

	@Test
	void criteriaEqualityAndLikeFail() {
		CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Member> equal = builder.createQuery(Member.class);
		Root<Member> root = equal.from(Member.class);
		equal.where(builder.equal(root.get("email"), EMAIL));
		assertNotQueryable(() -> this.entityManager.createQuery(equal).getResultList(), "Criteria query",
				"a comparison (=)");
		CriteriaQuery<Member> like = builder.createQuery(Member.class);
		Root<Member> likeRoot = like.from(Member.class);
		like.where(builder.like(likeRoot.get("email"), "%bob%"));
		assertNotQueryable(() -> this.entityManager.createQuery(like).getResultList(), "Criteria query",
				"a LIKE pattern");
	}

	@Test
	void conditionsReachedThroughJoinsAndSubqueriesFail() {
		assertNotQueryable(
				() -> jpql("select m from Member m where m.sponsor.email = :email").setParameter("email", EMAIL)
					.getResultList(),
				"JPQL query", "a comparison (=)");
		assertNotQueryable(() -> jpql("select m from Member m join Member s on s.email = m.email").getResultList(),
				"JPQL query", "a comparison (=)");
		assertNotQueryable(() -> jpql(
				"select m from Member m where m.id in " + "(select s.id from Member s where s.email = :email)")
			.setParameter("email", EMAIL)
			.getResultList(), "JPQL query", "a comparison (=)");
	}

	@Test
	void sortingByAnEncryptedAttributeFails() {
		assertNotQueryable(() -> jpql("select m from Member m order by m.email").getResultList(), "JPQL query",
				"ORDER BY");
		assertNotQueryable(() -> this.members.findByName("bob", Sort.by("email")), "JPQL query", "ORDER BY");
		assertNotQueryable(() -> this.members.findAll(Sort.by("email")), "query", "ORDER BY");
	}

	@Test
	void queryByExampleWithAnEncryptedAttributeFails() {
		assertNotQueryable(() -> this.members.findAll(Example.of(new Member(null, EMAIL))), "Criteria query",
				"a comparison (=)");
	}

	@Test
	void databaseFunctionsOfAnEncryptedAttributeFail() {
		assertNotQueryable(() -> jpql("select upper(m.email) from Member m").getResultList(), "JPQL query",
				"a database function");
		assertNotQueryable(() -> jpql("select m from Member m where length(m.email) > 10").getResultList(),
				"JPQL query", "a database function");
		assertNotQueryable(() -> jpql("select m.email, count(m) from Member m group by m.email").getResultList(),
				"JPQL query", "GROUP BY");
	}

	@Test
	void nullChecksSelectingAndCountingWork() {
		assertThat(this.members.findByEmailIsNull()).extracting(Member::getName).containsExactly("nobody");
		assertThat(this.members.findByEmailIsNotNull()).extracting(Member::getName).containsExactly("bob");
		assertThat(this.members.findByNameAndEmailIsNotNull("bob")).extracting(Member::getEmail).containsExactly(EMAIL);
		assertThat(this.members.countByEmailIsNull()).isOne();
		assertThat(this.members.findWithoutEmailOrNamed("bob")).hasSize(2);
		assertThat(this.members.findEmailsByName("bob")).containsExactly(EMAIL);
		assertThat(jpql("select count(m.email) from Member m").getSingleResult()).isEqualTo(1L);
		assertThat(jpql("select new io.github.secretencryption.queries.NameAndEmail(m.name, m.email) from Member m "
				+ "where m.email is not null")
			.getResultList()).containsExactly(new NameAndEmail("bob", EMAIL));
		CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Member> isNull = builder.createQuery(Member.class);
		isNull.where(builder.isNull(isNull.from(Member.class).get("email")));
		assertThat(this.entityManager.createQuery(isNull).getResultList()).extracting(Member::getName)
			.containsExactly("nobody");
	}

	@Test
	void updateFromAParameterEncryptsTheValue() {
		this.transaction.executeWithoutResult((status) -> jpql("update Member m set m.email = :email where m.id = :id")
			.setParameter("email", "new@example.test")
			.setParameter("id", this.bob.getId())
			.executeUpdate());
		assertThat(rawEmail(this.bob.getId())).startsWith(AesGcmEncryptor.PREFIX).doesNotContain("new@example.test");
		assertThat(this.members.findById(this.bob.getId())).get()
			.extracting(Member::getEmail)
			.isEqualTo("new@example.test");
		this.transaction.executeWithoutResult((status) -> jpql("update Member m set m.email = null where m.id = :id")
			.setParameter("id", this.bob.getId())
			.executeUpdate());
		assertThat(rawEmail(this.bob.getId())).isNull();
	}

	@Test
	void updateFromALiteralOrAnotherColumnFailsInsteadOfWritingPlaintext() {
		assertNotQueryable(
				() -> this.transaction.executeWithoutResult(
						(status) -> jpql("update Member m set m.email = 'plain@example.test'").executeUpdate()),
				"JPQL query", "a write of a literal or expression");
		assertNotQueryable(() -> this.transaction.executeWithoutResult(
				(status) -> jpql("update Member m set m.email = lower(:email)").setParameter("email", EMAIL)
					.executeUpdate()),
				"JPQL query", "a write of a literal or expression");
		assertNotQueryable(
				() -> this.transaction
					.executeWithoutResult((status) -> jpql("update Member m set m.name = m.email").executeUpdate()),
				"JPQL query", "an assignment to another attribute");
		CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
		CriteriaUpdate<Member> update = builder.createCriteriaUpdate(Member.class);
		update.from(Member.class);
		update.set("email", builder.literal("plain@example.test"));
		assertNotQueryable(
				() -> this.transaction
					.executeWithoutResult((status) -> this.entityManager.createQuery(update).executeUpdate()),
				"Criteria query", "a write of a literal or expression");
		assertThat(this.jdbc.queryForList("select email from members where email is not null", String.class))
			.singleElement()
			.asString()
			.startsWith(AesGcmEncryptor.PREFIX);
	}

	@Test
	void brokenValueReadThroughASelfJoinNamesNoRowRatherThanAWrongOne() {
		Member sponsored = new Member("sponsored", "sponsored@example.test");
		sponsored.setSponsor(this.bob);
		Long sponsoredId = this.members.save(sponsored).getId();
		this.jdbc.update("update members set email = ? where id = ?", "not encrypted", this.bob.getId());
		assertThatExceptionOfType(NotEncryptedValueException.class).isThrownBy(() -> this.members.findById(sponsoredId))
			.withMessageContaining("column members.email")
			.satisfies((ex) -> assertThat(ex.getLocation().primaryKey()).isNull());
		assertThatExceptionOfType(NotEncryptedValueException.class).isThrownBy(
				() -> jpql("select m from Member m join fetch m.sponsor where m.name = 'sponsored'").getResultList())
			.satisfies((ex) -> assertThat(ex.getLocation().primaryKey()).isNull());
		assertThatExceptionOfType(NotEncryptedValueException.class)
			.isThrownBy(() -> jpql("select m.id, m.email from Member m where m.name = 'bob'").getResultList())
			.satisfies((ex) -> assertThat(ex.getLocation().primaryKey()).isEqualTo(this.bob.getId().toString()));
	}

	private jakarta.persistence.Query jpql(String query) {
		return this.entityManager.createQuery(query);
	}

	private String rawEmail(Long id) {
		return this.jdbc.queryForObject("select email from members where id = ?", String.class, id);
	}

	private void assertNotQueryable(ThrowingCallable query, String origin, String use) {
		int encryptionsBefore = this.nonces.count();
		assertThatExceptionOfType(AttributeNotQueryableException.class).isThrownBy(query)
			.withMessageContaining(origin)
			.withMessageContaining("encrypted attribute email in " + use)
			.withMessageContaining("random nonce")
			.withMessageContaining("IS NULL")
			.withMessageContaining("attribute " + Member.class.getName() + ".email")
			.withMessageContaining("column members.email")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(EMAIL).doesNotContain("bob%"));
		assertThat(this.nonces.count()).as("values encrypted for the query").isEqualTo(encryptionsBefore);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CountingEncryptorConfiguration {

		@Bean
		NonceCounter nonceCounter() {
			return new NonceCounter();
		}

		@Bean
		AesGcmEncryptor countingEncryptor(KeyRing keyRing, NonceCounter nonces) {
			return new AesGcmEncryptor(() -> keyRing, nonces);
		}

	}

	/**
	 * Source of nonces that counts how many values were encrypted.
	 */
	static class NonceCounter extends SecureRandom {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public void nextBytes(byte[] bytes) {
			this.count.incrementAndGet();
			super.nextBytes(bytes);
		}

		int count() {
			return this.count.get();
		}

	}

}
