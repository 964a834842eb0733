package io.github.secretencryption.autoconfigure;

import io.github.secretencryption.keys.KeyFileException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a key file that cannot be created, loaded or trusted.
 */
class KeyFileFailureAnalyzer extends AbstractFailureAnalyzer<KeyFileException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KeyFileException cause) {
		return new FailureAnalysis(cause.getProblem() + ".", cause.getAction() + ".", null);
	}

}
