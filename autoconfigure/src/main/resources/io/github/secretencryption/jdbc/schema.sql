CREATE TABLE IF NOT EXISTS secret_encryption_keys (
	key_name VARCHAR(64) NOT NULL,
	key_id CHAR(8) NOT NULL,
	recorded_at TIMESTAMP NOT NULL,
	PRIMARY KEY (key_name, key_id)
);
