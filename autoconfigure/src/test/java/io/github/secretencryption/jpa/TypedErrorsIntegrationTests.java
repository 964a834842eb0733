package io.github.secretencryption.jpa;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import io.github.secretencryption.DecryptionFailedException;
import io.github.secretencryption.NotEncryptedValueException;
import io.github.secretencryption.SecretEncryptionException;
import io.github.secretencryption.SecretLocation;
import io.github.secretencryption.UnknownKeyIdException;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyRing;
import jakarta.persistence.EntityManager;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Rows written under an old key A and the primary key B, and three broken rows (one
 * flipped byte, a foreign format, an unknown key id), run on each database by a subclass.
 * Rows under A and B decrypt; each broken row fails with one typed exception that names
 * entity, attribute, primary key and key id, and carries no secret.
 */
@SpringBootTest(classes = JpaTestApplication.class, properties = "spring.jpa.hibernate.ddl-auto=create-drop")
@Import(TypedErrorsIntegrationTests.OldAndNewKeyConfiguration.class)
abstract class TypedErrorsIntegrationTests {

	static final EncryptionKey OLD_KEY = new EncryptionKey("secret-encryption", filled(0x0a), null);

	static final EncryptionKey PRIMARY_KEY = new EncryptionKey("secret-encryption", filled(0x0b), null);

	static final EncryptionKey UNKNOWN_KEY = new EncryptionKey("secret-encryption", filled(0x0c), null);

	static final EncryptionKey HEALTH_CHECK_KEY = new EncryptionKey("health-check", filled(0x0d), null);

	private static final byte[] ASSOCIATED_DATA = "test_accounts.api_token".getBytes();

	private static final String JASYPT_VALUE = "ENC(nrmZtkF7T0kjG/VodDvBw93Ct8EgjCA+)";

	@Autowired
	private AccountRepository accounts;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private EntityManager entityManager;

	private Long underOldKey;

	private Long underPrimaryKey;

	private Long flippedByte;

	private Long foreignFormat;

	private Long unknownKeyId;

	private String flippedValue;

	private String unknownKeyValue;

	@BeforeEach
	void writeRowsUnderBothKeysAndBrokenRows() {
		this.jdbc.update("delete from test_accounts");
		this.underOldKey = save("old-key", "token-under-old-key");
		setRaw(this.underOldKey, new AesGcmEncryptor(KeyRing.of(List.of(OLD_KEY))).encrypt("secret-encryption",
				"token-under-old-key", ASSOCIATED_DATA));
		this.underPrimaryKey = save("primary-key", "token-under-primary-key");
		this.flippedByte = save("flipped", "token-flipped");
		byte[] binary = Base64.getDecoder()
			.decode(rawToken(this.flippedByte).substring(AesGcmEncryptor.PREFIX.length()));
		binary[20] ^= 0x01;
		this.flippedValue = AesGcmEncryptor.PREFIX + Base64.getEncoder().encodeToString(binary);
		setRaw(this.flippedByte, this.flippedValue);
		this.foreignFormat = save("foreign", null);
		setRaw(this.foreignFormat, JASYPT_VALUE);
		this.unknownKeyId = save("unknown-key", null);
		this.unknownKeyValue = new AesGcmEncryptor(KeyRing.of(List.of(UNKNOWN_KEY))).encrypt("secret-encryption",
				"token-under-unknown-key", ASSOCIATED_DATA);
		setRaw(this.unknownKeyId, this.unknownKeyValue);
	}

	@Test
	void rowsUnderTheOldAndThePrimaryKeyDecrypt() {
		assertThat(AesGcmEncryptor.keyIdOf(rawToken(this.underOldKey))).isEqualTo(OLD_KEY.getId());
		assertThat(AesGcmEncryptor.keyIdOf(rawToken(this.underPrimaryKey))).isEqualTo(PRIMARY_KEY.getId());
		assertThat(this.accounts.findAllById(List.of(this.underOldKey, this.underPrimaryKey)))
			.extracting(Account::getApiToken)
			.containsExactlyInAnyOrder("token-under-old-key", "token-under-primary-key");
	}

	@Test
	void flippedByteFailsNamingRowAndKeyIdAsTamperedOrCorrupted() {
		assertBroken(() -> this.accounts.findById(this.flippedByte), DecryptionFailedException.class, this.flippedByte,
				PRIMARY_KEY.getId().toString())
			.contains("tampered or corrupted");
	}

	@Test
	void foreignFormatFailsNamingRowAsNotAnEncryptedValue() {
		assertBroken(() -> this.accounts.findById(this.foreignFormat), NotEncryptedValueException.class,
				this.foreignFormat, null)
			.contains("not an encrypted value");
	}

	@Test
	void unknownKeyIdFailsNamingRowAndKeyIdWithTheAction() {
		assertBroken(() -> this.accounts.findById(this.unknownKeyId), UnknownKeyIdException.class, this.unknownKeyId,
				UNKNOWN_KEY.getId().toString())
			.contains("no key named 'secret-encryption' has", "restore that key from a backup");
	}

	@Test
	void oneBrokenRowFailsTheQueryThatLoadsIt() {
		assertThatExceptionOfType(SecretEncryptionException.class).isThrownBy(this.accounts::findAll)
			.satisfies((ex) -> assertThat(ex.getLocation().primaryKey()).isIn(this.flippedByte.toString(),
					this.foreignFormat.toString(), this.unknownKeyId.toString()));
	}

	@Test
	void brokenRowFoundByAQueryNamesItsPrimaryKey() {
		assertBroken(() -> this.entityManager.createQuery("select a from Account a where a.name = :name", Account.class)
			.setParameter("name", "unknown-key")
			.getResultList(), UnknownKeyIdException.class, this.unknownKeyId, UNKNOWN_KEY.getId().toString());
	}

	@Test
	void brokenValueSelectedWithoutItsRowLeavesThePrimaryKeyOut() {
		assertThatExceptionOfType(DecryptionFailedException.class)
			.isThrownBy(() -> this.entityManager.createQuery("select a.apiToken from Account a where a.name = :name")
				.setParameter("name", "flipped")
				.getResultList())
			.satisfies((ex) -> assertThat(ex.getLocation().primaryKey()).isNull())
			.withMessageContaining("Account.apiToken")
			.withMessageContaining("key id " + PRIMARY_KEY.getId());
	}

	private org.assertj.core.api.AbstractStringAssert<?> assertBroken(ThrowingCallable load,
			Class<? extends SecretEncryptionException> type, Long id, String keyId) {
		SecretEncryptionException failure = (SecretEncryptionException) org.assertj.core.api.Assertions
			.catchThrowable(load);
		assertThat(failure).isExactlyInstanceOf(type);
		SecretLocation location = failure.getLocation();
		assertThat(location.entity()).isEqualTo(Account.class.getName());
		assertThat(location.attribute()).isEqualTo("apiToken");
		assertThat(location.table()).isEqualTo("test_accounts");
		assertThat(location.column()).isEqualTo("api_token");
		assertThat(location.primaryKey()).isEqualTo(id.toString());
		assertThat(location.keyId()).isEqualTo(keyId);
		String message = failure.getMessage();
		assertThat(message).contains("attribute " + Account.class.getName() + ".apiToken", "primary key " + id);
		if (keyId != null) {
			assertThat(message).contains("key id " + keyId);
		}
		assertThat(message).doesNotContain("token-", JASYPT_VALUE, this.flippedValue, this.unknownKeyValue,
				this.flippedValue.substring(10, 30), this.unknownKeyValue.substring(10, 30), "nrmZtkF7");
		for (EncryptionKey key : List.of(OLD_KEY, PRIMARY_KEY, UNKNOWN_KEY)) {
			assertThat(message).doesNotContainIgnoringCase(HexFormat.of().formatHex(key.toSecretKey().getEncoded()));
		}
		return assertThat(message);
	}

	private Long save(String name, String token) {
		Account account = new Account(name);
		account.setApiToken(token);
		return this.accounts.save(account).getId();
	}

	private void setRaw(Long id, String value) {
		this.jdbc.update("update test_accounts set api_token = ? where id = ?", value, id);
	}

	private String rawToken(Long id) {
		return this.jdbc.queryForObject("select api_token from test_accounts where id = ?", String.class, id);
	}

	private static byte[] filled(int value) {
		byte[] bytes = new byte[EncryptionKey.LENGTH];
		Arrays.fill(bytes, (byte) value);
		return bytes;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OldAndNewKeyConfiguration {

		@Bean
		KeyRing keyRing() {
			return KeyRing.of(List.of(PRIMARY_KEY, HEALTH_CHECK_KEY), List.of(OLD_KEY));
		}

	}

}
