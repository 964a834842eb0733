package io.github.secretencryption.sample;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Patch-manager settings service: it stores OIDC and SMTP settings, users' TOTP secrets
 * and health-check credentials, and keeps every secret encrypted at rest with
 * secret-encryption.
 */
@SpringBootApplication
public class PatchManagerApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		SpringApplication.run(PatchManagerApplication.class, args);
	}

}
