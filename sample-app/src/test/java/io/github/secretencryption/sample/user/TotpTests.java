package io.github.secretencryption.sample.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.github.secretencryption.sample.support.TotpCodes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Totp}.
 */
class TotpTests {

	private static final byte[] RFC_6238_SHA1_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private final Totp rfcTotp = new Totp(RFC_6238_SHA1_SECRET);

	@Test
	void eightDigitCodesMatchTheSha1TestVectorsOfRfc6238() {
		assertThat(this.rfcTotp.generate(59, 8)).isEqualTo("94287082");
		assertThat(this.rfcTotp.generate(1111111109, 8)).isEqualTo("07081804");
		assertThat(this.rfcTotp.generate(1111111111, 8)).isEqualTo("14050471");
		assertThat(this.rfcTotp.generate(1234567890, 8)).isEqualTo("89005924");
		assertThat(this.rfcTotp.generate(2000000000, 8)).isEqualTo("69279037");
		assertThat(this.rfcTotp.generate(20000000000L, 8)).isEqualTo("65353130");
	}

	@Test
	void sixDigitCodeIsTheLastSixDigitsOfTheTestVector() {
		assertThat(this.rfcTotp.generate(Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(this.rfcTotp.generate(Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
	}

	@Test
	void codeOfTheCurrentStepIsAccepted() {
		assertThat(this.rfcTotp.verify("287082", Instant.ofEpochSecond(59))).isTrue();
		assertThat(this.rfcTotp.verify("287082", Instant.ofEpochSecond(30))).isTrue();
	}

	@Test
	void codeOfTheStepBeforeOrAfterIsAcceptedForClockDrift() {
		assertThat(this.rfcTotp.verify("287082", Instant.ofEpochSecond(89))).isTrue();
		assertThat(this.rfcTotp.verify("287082", Instant.ofEpochSecond(29))).isTrue();
	}

	@Test
	void codeOfAStepTwoStepsAwayIsRejected() {
		assertThat(this.rfcTotp.verify("287082", Instant.ofEpochSecond(90))).isFalse();
		assertThat(this.rfcTotp.verify("081804", Instant.ofEpochSecond(1111111109 + 60))).isFalse();
	}

	@Test
	void codeOfTheWrongLengthOrWithOtherCharactersIsRejected() {
		assertThat(this.rfcTotp.verify("94287082", Instant.ofEpochSecond(59))).isFalse();
		assertThat(this.rfcTotp.verify("87082", Instant.ofEpochSecond(59))).isFalse();
		assertThat(this.rfcTotp.verify("28708a", Instant.ofEpochSecond(59))).isFalse();
		assertThat(this.rfcTotp.verify("", Instant.ofEpochSecond(59))).isFalse();
	}

	@Test
	void codesAgreeWithAnIndependentImplementation() {
		Totp totp = Totp.ofBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
		for (long time = 0; time < 3_000_000_000L; time += 123_456_789L) {
			assertThat(totp.generate(Instant.ofEpochSecond(time)))
				.isEqualTo(TotpCodes.at("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", Instant.ofEpochSecond(time)));
		}
	}

	@Test
	void base32SecretIsReadCaseInsensitivelyWithOrWithoutPadding() {
		String code = Totp.ofBase32("GEZDGNBVGY3TQOJQ").generate(Instant.ofEpochSecond(59));
		assertThat(Totp.ofBase32("gezdgnbvgy3tqojq").generate(Instant.ofEpochSecond(59))).isEqualTo(code);
		assertThat(Totp.ofBase32("GEZDGNBVGY3TQOJQ======").generate(Instant.ofEpochSecond(59))).isEqualTo(code);
		assertThat(Totp.normalize("gezdgnbvgy3tqojq====")).isEqualTo("GEZDGNBVGY3TQOJQ");
	}

	@Test
	void secretsOutsideTheBase32AlphabetAreRejected() {
		assertThat(Totp.isValidSecret("GEZDGNBVGY3TQOJ1")).isFalse();
		assertThat(Totp.isValidSecret("GEZDGNBV GY3TQOJQ")).isFalse();
		assertThat(Totp.isValidSecret("GEZDGNBV-GY3TQOJQ")).isFalse();
		assertThat(Totp.isValidSecret("GEZDGNBVGY3TQOJQ\u00c9")).isFalse();
		assertThat(Totp.isValidSecret("")).isFalse();
		assertThat(Totp.isValidSecret("====")).isFalse();
	}

	@Test
	void secretsShorterThanTenOrLongerThanEightyBytesAreRejected() {
		assertThat(Totp.isValidSecret("GEZDGNBVGY3TQOI")).isFalse();
		assertThat(Totp.isValidSecret("GEZDGNBVGY3TQOJQ")).isTrue();
		assertThat(Totp.isValidSecret("GEZDGNBVGY3TQOJQ".repeat(8))).isTrue();
		assertThat(Totp.isValidSecret("GEZDGNBVGY3TQOJQ".repeat(8) + "GEZDGNBV")).isFalse();
	}

	@Test
	void secretsWhoseLastCharacterCarriesStrayBitsAreRejected() {
		assertThat(Totp.isValidSecret("GEZDGNBVGY3TQOJQGE")).isTrue();
		assertThat(Totp.isValidSecret("GEZDGNBVGY3TQOJQGF")).isFalse();
		assertThat(Totp.isValidSecret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ7")).isFalse();
	}

	@Test
	void invalidSecretIsRefusedWithoutRepeatingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> Totp.ofBase32("NOT-A-SECRET-1"))
			.withMessageNotContaining("NOT-A-SECRET-1");
	}

	@Test
	void toStringShowsTheSecretLengthOnly() {
		assertThat(this.rfcTotp).hasToString("Totp[20-byte secret]");
	}

}
