package io.github.secretencryption.jpa;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.secretencryption.DecryptionFailedException;
import io.github.secretencryption.NotEncryptedValueException;
import io.github.secretencryption.PlaceholderValueException;
import io.github.secretencryption.UnknownKeyIdException;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Scenarios of the Hibernate binding, run on each database by a subclass.
 */
@SpringBootTest(classes = JpaTestApplication.class, properties = { "spring.jpa.hibernate.ddl-auto=create-drop",
		"spring.jpa.properties.hibernate.generate_statistics=true" })
abstract class EncryptedAttributeIntegrationTests {

	@TempDir
	static Path keys;

	@DynamicPropertySource
	static void keyDirectory(DynamicPropertyRegistry registry) {
		registry.add("secret-encryption.key-directory", () -> keys.toString());
	}

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@Autowired
	private EncryptedColumnRegistry registry;

	@Autowired
	private AesGcmEncryptor encryptor;

	@BeforeEach
	void clean() {
		this.jdbc.update("delete from test_accounts");
	}

	@Test
	void storesCiphertextBoundToTableAndColumnAndReadsPlaintext() {
		Account account = new Account("alice");
		account.setApiToken("token-of-alice");
		Long id = this.accounts.save(account).getId();
		String raw = rawColumn("api_token", id);
		assertThat(raw).startsWith(AesGcmEncryptor.PREFIX).doesNotContain("token-of-alice");
		assertThat(this.encryptor.decrypt("secret-encryption", raw, "test_accounts.api_token".getBytes()))
			.isEqualTo("token-of-alice");
		assertThat(this.accounts.findById(id)).get().extracting(Account::getApiToken).isEqualTo("token-of-alice");
	}

	@Test
	void usesTheKeyNamedOnTheAnnotation() {
		Account account = new Account("probe");
		account.setProbePassword("probe-secret");
		Long id = this.accounts.save(account).getId();
		String raw = rawColumn("probe_password", id);
		assertThat(this.encryptor.decrypt("health-check", raw, "test_accounts.probe_password".getBytes()))
			.isEqualTo("probe-secret");
		assertThatExceptionOfType(UnknownKeyIdException.class).isThrownBy(
				() -> this.encryptor.decrypt("secret-encryption", raw, "test_accounts.probe_password".getBytes()));
	}

	@Test
	void usesTheContextOfTheAnnotationAsAssociatedData() {
		Account account = new Account("renamed");
		account.setRenamedToken("kept-after-rename");
		Long id = this.accounts.save(account).getId();
		String raw = rawColumn("renamed_token", id);
		assertThat(this.encryptor.decrypt("secret-encryption", raw, "legacy_accounts.token".getBytes()))
			.isEqualTo("kept-after-rename");
	}

	@Test
	void keepsNullAsSqlNullAndEncryptsTheEmptyStringAndOneCharacter() {
		Account empty = new Account("empty");
		empty.setApiToken("");
		Long emptyId = this.accounts.save(empty).getId();
		Long nullId = this.accounts.save(new Account("null")).getId();
		Account single = new Account("single");
		single.setApiToken("x");
		Long singleId = this.accounts.save(single).getId();
		assertThat(rawColumn("api_token", nullId)).isNull();
		assertThat(rawColumn("api_token", emptyId)).startsWith(AesGcmEncryptor.PREFIX);
		assertThat(rawColumn("api_token", singleId)).startsWith(AesGcmEncryptor.PREFIX).isNotEqualTo("x");
		assertThat(this.accounts.findById(emptyId)).get().extracting(Account::getApiToken).isEqualTo("");
		assertThat(this.accounts.findById(nullId)).get().extracting(Account::getApiToken).isNull();
		assertThat(this.accounts.findById(singleId)).get().extracting(Account::getApiToken).isEqualTo("x");
		assertThat(this.accounts.findByApiTokenIsNull()).extracting(Account::getName).containsExactly("null");
	}

	@Test
	void loadingAndCommittingWithoutChangeIssuesNoUpdate() {
		Account account = new Account("unchanged");
		account.setApiToken("same-token");
		Long id = this.accounts.save(account).getId();
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		this.transaction.executeWithoutResult((status) -> this.accounts.findById(id).orElseThrow().getApiToken());
		assertThat(statistics.getEntityUpdateCount()).isZero();
		assertThat(statistics.getPrepareStatementCount()).isEqualTo(1);
	}

	@Test
	void ciphertextCopiedIntoAnotherColumnFailsWithTypedException() {
		Account account = new Account("copied");
		account.setApiToken("copied-token");
		Long id = this.accounts.save(account).getId();
		this.jdbc.update("update test_accounts set renamed_token = api_token where id = ?", id);
		assertThatExceptionOfType(DecryptionFailedException.class).isThrownBy(() -> this.accounts.findById(id))
			.withMessageContaining("Account.renamedToken")
			.withMessageContaining("test_accounts.renamed_token")
			.withMessageContaining("key id")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("copied-token"));
	}

	@Test
	void plaintextInAnEncryptedColumnIsRejectedWithTypedException() {
		Long id = this.accounts.save(new Account("legacy")).getId();
		this.jdbc.update("update test_accounts set api_token = 'legacy-plaintext' where id = ?", id);
		assertThatExceptionOfType(NotEncryptedValueException.class).isThrownBy(() -> this.accounts.findById(id))
			.withMessageContaining("Account.apiToken")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("legacy-plaintext"));
	}

	@Test
	void refusesToStoreTheMaskingPlaceholder() {
		Account account = new Account("masked");
		account.setApiToken("MASKED");
		assertThatExceptionOfType(PlaceholderValueException.class).isThrownBy(() -> this.accounts.saveAndFlush(account))
			.withMessageContaining("Account.apiToken");
		assertThat(this.jdbc.queryForObject("select count(*) from test_accounts", Integer.class)).isZero();
	}

	@Test
	void recordsEveryEncryptedColumnInTheRegistry() {
		List<EncryptedColumn> columns = this.registry.getColumns();
		assertThat(columns)
			.extracting(EncryptedColumn::table, EncryptedColumn::column, EncryptedColumn::keyName,
					EncryptedColumn::associatedData, EncryptedColumn::primaryKeyColumn)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("test_accounts", "api_token", "secret-encryption",
							"test_accounts.api_token", "id"),
					org.assertj.core.groups.Tuple.tuple("test_accounts", "probe_password", "health-check",
							"test_accounts.probe_password", "id"),
					org.assertj.core.groups.Tuple.tuple("test_accounts", "renamed_token", "secret-encryption",
							"legacy_accounts.token", "id"));
		assertThat(columns).extracting(EncryptedColumn::entity).containsOnly(Account.class.getName());
	}

	private String rawColumn(String column, Long id) {
		List<Map<String, Object>> rows = this.jdbc.queryForList("select " + column + " from test_accounts where id = ?",
				id);
		return (String) rows.get(0).get(column);
	}

}
