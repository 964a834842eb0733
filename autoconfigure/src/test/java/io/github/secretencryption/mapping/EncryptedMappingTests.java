package io.github.secretencryption.mapping;

import java.util.List;

import io.github.secretencryption.EncryptedMappingException;
import io.github.secretencryption.crypto.AesGcmEncryptor;
import io.github.secretencryption.jpa.EncryptedColumnRegistry;
import io.github.secretencryption.jpa.HibernateEncryption;
import io.github.secretencryption.mapping.numeric.NumericSecret;
import io.github.secretencryption.mapping.unknownkey.MistypedKeySecret;
import io.github.secretencryption.keys.EncryptionKey;
import io.github.secretencryption.keys.KeyRing;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code @Encrypted} attributes mapped in ways that cannot be encrypted stop the
 * persistence unit with an {@link EncryptedMappingException} that names the attribute and
 * says what to change.
 */
class EncryptedMappingTests {

	@Test
	void refusesANumberNamingTheAttributeAndItsType() {
		assertThatException().isThrownBy(factory(NumericSecret.class)::afterPropertiesSet)
			.havingRootCause()
			.isInstanceOf(EncryptedMappingException.class)
			.satisfies((ex) -> {
				EncryptedMappingException mapping = (EncryptedMappingException) ex;
				assertThat(mapping.getProblem()).isEqualTo("@Encrypted attribute " + NumericSecret.class.getName()
						+ ".pin is of type java.lang.Integer, but only String attributes can be encrypted");
				assertThat(mapping.getAction()).startsWith("Make the attribute a String");
			});
	}

	@Test
	void refusesAKeyNameThatIsNotConfiguredListingTheConfiguredOnes() {
		assertThatException().isThrownBy(factory(MistypedKeySecret.class)::afterPropertiesSet)
			.havingRootCause()
			.isInstanceOf(EncryptedMappingException.class)
			.satisfies((ex) -> {
				EncryptedMappingException mapping = (EncryptedMappingException) ex;
				assertThat(mapping.getProblem()).isEqualTo("@Encrypted attribute " + MistypedKeySecret.class.getName()
						+ ".token uses key 'secret-encrypton', which is not "
						+ "configured; configured keys are [secret-encryption]");
				assertThat(mapping.getAction()).isEqualTo("Fix the key name in @Encrypted(key = ...), or add "
						+ "'secret-encrypton' to secret-encryption.keys if the attribute needs a key of its own");
				assertThat(mapping.getLocation().keyName()).isEqualTo("secret-encrypton");
			});
	}

	private static LocalContainerEntityManagerFactoryBean factory(Class<?> entity) {
		KeyRing keys = KeyRing.of(List.of(new EncryptionKey("secret-encryption", new byte[32], null)));
		HibernateEncryption encryption = new HibernateEncryption(new AesGcmEncryptor(keys),
				new EncryptedColumnRegistry(), "MASKED");
		LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
		factory.setDataSource(new DriverManagerDataSource("jdbc:h2:mem:mapping;DB_CLOSE_DELAY=-1", "sa", ""));
		factory.setPackagesToScan(entity.getPackageName());
		factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		factory.getJpaPropertyMap().putAll(encryption.toHibernateProperties());
		return factory;
	}

}
