package io.github.secretencryption.autoconfigure;

import io.github.secretencryption.data.EncryptedAttributeRepositoryChecks;
import org.hibernate.binder.AttributeBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;

/**
 * Auto-configuration of the startup check of Spring Data JPA repositories' query methods
 * against {@link io.github.secretencryption.Encrypted} attributes.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = SecretEncryptionJpaAutoConfiguration.class)
@ConditionalOnClass({ AttributeBinder.class, JpaRepositoryFactoryBean.class })
public final class SecretEncryptionRepositoryAutoConfiguration {

	@Bean
	static EncryptedAttributeRepositoryChecks secretEncryptionRepositoryChecks() {
		return new EncryptedAttributeRepositoryChecks();
	}

}
