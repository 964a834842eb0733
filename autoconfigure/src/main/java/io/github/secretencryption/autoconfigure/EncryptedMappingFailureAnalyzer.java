package io.github.secretencryption.autoconfigure;

import io.github.secretencryption.EncryptedMappingException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link io.github.secretencryption.Encrypted} attribute that cannot be
 * encrypted as it is mapped.
 */
class EncryptedMappingFailureAnalyzer extends AbstractFailureAnalyzer<EncryptedMappingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EncryptedMappingException cause) {
		return new FailureAnalysis(cause.getProblem() + ".", cause.getAction() + ".", cause);
	}

}
