package io.github.secretencryption.sample.settings;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stores the {@link OidcSettings}.
 */
public interface OidcSettingsRepository extends JpaRepository<OidcSettings, Integer> {

}
