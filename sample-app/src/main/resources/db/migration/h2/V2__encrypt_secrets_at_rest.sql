-- Secrets are now stored as secret-encryption ciphertext ('se1:' and Base64), which is
-- longer than the plaintext. H2's TEXT is a CLOB, so the secret columns become
-- CHARACTER VARYING without a length, the longest that H2 allows.

ALTER TABLE oidc_settings ALTER COLUMN client_secret SET DATA TYPE CHARACTER VARYING;
ALTER TABLE smtp_settings ALTER COLUMN smtp_password SET DATA TYPE CHARACTER VARYING;
ALTER TABLE users ALTER COLUMN totp_secret SET DATA TYPE CHARACTER VARYING;
ALTER TABLE health_checks ALTER COLUMN basic_auth_password SET DATA TYPE CHARACTER VARYING;
