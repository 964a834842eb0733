package io.github.secretencryption.sample.user;

import io.github.secretencryption.jackson.SecretMasking;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link TotpSecret} constraints.
 */
class TotpSecretValidator implements ConstraintValidator<TotpSecret, String> {

	private final SecretMasking masking;

	TotpSecretValidator(SecretMasking masking) {
		this.masking = masking;
	}

	@Override
	public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
		return value == null || value.equals(this.masking.getPlaceholder()) || Totp.isValidSecret(value);
	}

}
