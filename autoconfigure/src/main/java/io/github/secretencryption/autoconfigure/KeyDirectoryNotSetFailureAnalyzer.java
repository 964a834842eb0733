package io.github.secretencryption.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a missing {@code secret-encryption.key-directory}.
 */
class KeyDirectoryNotSetFailureAnalyzer extends AbstractFailureAnalyzer<KeyDirectoryNotSetException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KeyDirectoryNotSetException cause) {
		return new FailureAnalysis(
				"secret-encryption needs a directory for its key files, and "
						+ "secret-encryption.key-directory is not set.",
				"Set secret-encryption.key-directory to an absolute path that is backed up with the database, "
						+ "for example /etc/<application>/keys. There is no default, because a relative default "
						+ "would silently create new keys whenever the application starts from another directory.",
				null);
	}

}
