package io.github.secretencryption.sample.settings;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the OIDC and SMTP settings. Settings that were never saved answer 404 Not
 * Found.
 */
@RestController
@RequestMapping("/api/settings")
class SettingsController {

	private final SettingsService settings;

	SettingsController(SettingsService settings) {
		this.settings = settings;
	}

	@GetMapping("/oidc")
	OidcSettingsResponse getOidcSettings() {
		return this.settings.getOidcSettings();
	}

	@PutMapping("/oidc")
	OidcSettingsResponse putOidcSettings(@Valid @RequestBody OidcSettingsRequest request) {
		return this.settings.saveOidcSettings(request);
	}

	@GetMapping("/smtp")
	SmtpSettingsResponse getSmtpSettings() {
		return this.settings.getSmtpSettings();
	}

	@PutMapping("/smtp")
	SmtpSettingsResponse putSmtpSettings(@Valid @RequestBody SmtpSettingsRequest request) {
		return this.settings.saveSmtpSettings(request);
	}

}
