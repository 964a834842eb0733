package io.github.secretencryption.autoconfigure;

import io.github.secretencryption.AttributeNotQueryableException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a repository query method that compares an encrypted attribute in the
 * database.
 */
class AttributeNotQueryableFailureAnalyzer extends AbstractFailureAnalyzer<AttributeNotQueryableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AttributeNotQueryableException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Change the query to select rows by attributes that are not encrypted, or to test the encrypted "
						+ "attribute only with IS NULL or IS NOT NULL, and compare the decrypted values in Java.",
				null);
	}

}
