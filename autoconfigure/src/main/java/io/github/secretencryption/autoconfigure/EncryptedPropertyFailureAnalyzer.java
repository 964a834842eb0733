package io.github.secretencryption.autoconfigure;

import io.github.secretencryption.EncryptedPropertyException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains an encrypted configuration value that cannot be decrypted. It runs before
 * Spring Boot's own analyzers, whose report of a failed binding would print the value.
 */
class EncryptedPropertyFailureAnalyzer extends AbstractFailureAnalyzer<EncryptedPropertyException> implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EncryptedPropertyException cause) {
		return new FailureAnalysis(cause.getMessage() + ".", cause.getAction() + ".", null);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
