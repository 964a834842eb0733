package io.github.secretencryption.autoconfigure;

import io.github.secretencryption.EncryptionNotConfiguredException;
import io.github.secretencryption.jpa.HibernateEncryption;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a persistence unit with encrypted attributes that is not connected to the
 * starter.
 */
class EncryptionNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<EncryptionNotConfiguredException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EncryptionNotConfiguredException cause) {
		return new FailureAnalysis(
				"A persistence unit maps @Encrypted attribute " + describe(cause)
						+ " but is not connected to secret-encryption, so it could only store plaintext.",
				"Add the HibernateEncryption bean to the persistence unit's JPA properties under '"
						+ HibernateEncryption.SETTING + "', for example "
						+ "factoryBean.getJpaPropertyMap().putAll(hibernateEncryption.toHibernateProperties()).",
				null);
	}

	private String describe(EncryptionNotConfiguredException cause) {
		return (cause.getLocation() != null) ? cause.getLocation().entity() + "." + cause.getLocation().attribute()
				: "(unknown)";
	}

}
