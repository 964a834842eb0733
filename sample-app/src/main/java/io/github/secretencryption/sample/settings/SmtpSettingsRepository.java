package io.github.secretencryption.sample.settings;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stores the {@link SmtpSettings}.
 */
public interface SmtpSettingsRepository extends JpaRepository<SmtpSettings, Integer> {

}
