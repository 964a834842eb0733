package io.github.secretencryption.crypto;

import java.io.Serial;
import java.security.SecureRandom;

/**
 * A {@link SecureRandom} that always returns the same bytes, so that a test can fix the
 * nonce of a value. Never use it outside tests.
 */
class FixedNonceSecureRandom extends SecureRandom {

	@Serial
	private static final long serialVersionUID = 1L;

	private final byte[] bytes;

	FixedNonceSecureRandom(byte[] bytes) {
		this.bytes = bytes.clone();
	}

	@Override
	public void nextBytes(byte[] output) {
		if (output.length != this.bytes.length) {
			throw new IllegalStateException("Asked for " + output.length + " bytes but holds " + this.bytes.length);
		}
		System.arraycopy(this.bytes, 0, output, 0, output.length);
	}

}
