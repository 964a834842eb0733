package io.github.secretencryption.autoconfigure;

import io.github.secretencryption.KeyLossException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start refused because its keys cannot read the stored values.
 */
class KeyLossFailureAnalyzer extends AbstractFailureAnalyzer<KeyLossException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KeyLossException cause) {
		return new FailureAnalysis(cause.getProblem() + ".", cause.getAction() + ".", null);
	}

}
