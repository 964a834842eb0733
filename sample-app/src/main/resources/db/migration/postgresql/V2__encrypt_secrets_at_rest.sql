-- Secrets are now stored as secret-encryption ciphertext ('se1:' and Base64), which is
-- longer than the plaintext, so the secret columns become text.

ALTER TABLE oidc_settings ALTER COLUMN client_secret TYPE text;
ALTER TABLE smtp_settings ALTER COLUMN smtp_password TYPE text;
ALTER TABLE users ALTER COLUMN totp_secret TYPE text;
ALTER TABLE health_checks ALTER COLUMN basic_auth_password TYPE text;
