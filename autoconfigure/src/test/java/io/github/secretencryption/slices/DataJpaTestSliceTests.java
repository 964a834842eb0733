package io.github.secretencryption.slices;

import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.keys.KeyRing;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's own {@code @DataJpaTest} encrypts with insecure ephemeral keys and
 * needs no key directory.
 */
@DataJpaTest
class DataJpaTestSliceTests extends KeyDirectoryUntouched {

	@Autowired
	private CredentialRepository credentials;

	@Autowired
	private TestEntityManager entityManager;

	@Autowired
	private KeyRing keyRing;

	@Test
	void encryptsWithEphemeralKeysThatLiveInNoFile() {
		Long id = this.credentials.saveAndFlush(new Credential("slice", "slice-password")).getId();
		String raw = (String) this.entityManager.getEntityManager()
			.createNativeQuery("select password from credentials where id = ?1")
			.setParameter(1, id)
			.getSingleResult();
		assertThat(raw).startsWith(AesGcmEncryptor.PREFIX).doesNotContain("slice-password");
		this.entityManager.clear();
		assertThat(this.credentials.findByUsername("slice")).extracting(Credential::getPassword)
			.containsExactly("slice-password");
		assertThat(this.keyRing.getKeys("secret-encryption")).singleElement()
			.satisfies((key) -> assertThat(key.getFile()).isNull());
	}

}
