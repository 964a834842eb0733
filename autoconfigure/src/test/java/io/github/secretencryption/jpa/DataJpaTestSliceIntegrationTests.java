package io.github.secretencryption.jpa;

import java.nio.file.Path;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's own {@code @DataJpaTest} slice encrypts {@code @Encrypted} attributes
 * without further setup.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=create-drop")
class DataJpaTestSliceIntegrationTests {

	@TempDir
	static Path keys;

	@DynamicPropertySource
	static void keyDirectory(DynamicPropertyRegistry registry) {
		registry.add("secret-encryption.key-directory", () -> keys.toString());
	}

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private TestEntityManager entityManager;

	@Test
	void encryptsInADataJpaTestSlice() {
		Account account = new Account("slice");
		account.setApiToken("slice-token");
		Long id = this.accounts.saveAndFlush(account).getId();
		String raw = (String) this.entityManager.getEntityManager()
			.createNativeQuery("select api_token from test_accounts where id = ?1")
			.setParameter(1, id)
			.getSingleResult();
		assertThat(raw).startsWith(AesGcmEncryptor.PREFIX).doesNotContain("slice-token");
		this.entityManager.clear();
		assertThat(this.accounts.findById(id)).get().extracting(Account::getApiToken).isEqualTo("slice-token");
	}

}
