package io.github.secretencryption.autoconfigure;

import io.github.secretencryption.jdbc.KeyIdRecords;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing table of recorded key ids.
 */
class KeyRegistryTableMissingFailureAnalyzer extends AbstractFailureAnalyzer<KeyRegistryTableMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KeyRegistryTableMissingException cause) {
		String script = KeyIdRecords.SCHEMA_LOCATION.substring("classpath:".length());
		return new FailureAnalysis(
				cause.getMessage() + ". The starter records there which key ids each key name has, "
						+ "to refuse a start whose keys cannot read the stored values.",
				"Create the table with your database migrations from the script " + script
						+ " in the starter's jar, or set secret-encryption.key-registry.initialize-schema=always "
						+ "to let the starter create it.",
				cause);
	}

}
