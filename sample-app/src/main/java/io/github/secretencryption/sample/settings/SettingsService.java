package io.github.secretencryption.sample.settings;

import java.util.Optional;

import io.github.secretencryption.jackson.SecretMasking;
import io.github.secretencryption.sample.web.ConflictException;
import io.github.secretencryption.sample.web.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and replaces the OIDC and SMTP settings. A secret sent back as the masking
 * placeholder keeps the stored secret; the first save needs the real secret.
 */
@Service
public class SettingsService {

	private final OidcSettingsRepository oidcSettings;

	private final SmtpSettingsRepository smtpSettings;

	private final SecretMasking masking;

	SettingsService(OidcSettingsRepository oidcSettings, SmtpSettingsRepository smtpSettings, SecretMasking masking) {
		this.oidcSettings = oidcSettings;
		this.smtpSettings = smtpSettings;
		this.masking = masking;
	}

	@Transactional(readOnly = true)
	public OidcSettingsResponse getOidcSettings() {
		return this.oidcSettings.findById(OidcSettings.SINGLE_ROW_ID)
			.map(OidcSettingsResponse::of)
			.orElseThrow(() -> new NotFoundException("OIDC settings have not been saved yet"));
	}

	@Transactional
	public OidcSettingsResponse saveOidcSettings(OidcSettingsRequest request) {
		Optional<OidcSettings> stored = this.oidcSettings.findById(OidcSettings.SINGLE_ROW_ID);
		if (stored.isPresent()) {
			OidcSettings settings = stored.get();
			settings.update(request.issuer(), request.clientId(),
					this.masking.resolve(request.clientSecret(), settings.getClientSecret(), "clientSecret"));
			return OidcSettingsResponse.of(settings);
		}
		String clientSecret = this.masking.requireReal(request.clientSecret(), "clientSecret");
		OidcSettings settings = new OidcSettings(request.issuer(), request.clientId(), clientSecret);
		return OidcSettingsResponse.of(this.oidcSettings.save(settings));
	}

	@Transactional(readOnly = true)
	public SmtpSettingsResponse getSmtpSettings() {
		return this.smtpSettings.findById(SmtpSettings.SINGLE_ROW_ID)
			.map(SmtpSettingsResponse::of)
			.orElseThrow(() -> new NotFoundException("SMTP settings have not been saved yet"));
	}

	@Transactional
	public SmtpSettingsResponse saveSmtpSettings(SmtpSettingsRequest request) {
		Optional<SmtpSettings> stored = this.smtpSettings.findById(SmtpSettings.SINGLE_ROW_ID);
		if (stored.isPresent()) {
			SmtpSettings settings = stored.get();
			if (request.password() == null && settings.getPassword() != null) {
				// A client that leaves the field out must not remove the password by
				// accident
				throw new ConflictException("A password is stored: send the placeholder to keep it, a new password "
						+ "to replace it, or an empty string to remove it", "password");
			}
			settings.update(request.host(), request.port(), request.username(), removed(request.password()) ? null
					: this.masking.resolve(request.password(), settings.getPassword(), "password"));
			return SmtpSettingsResponse.of(settings);
		}
		String password = removed(request.password()) ? null : this.masking.requireReal(request.password(), "password");
		SmtpSettings settings = new SmtpSettings(request.host(), request.port(), request.username(), password);
		return SmtpSettingsResponse.of(this.smtpSettings.save(settings));
	}

	private static boolean removed(@Nullable String password) {
		return password == null || password.isEmpty();
	}

}
