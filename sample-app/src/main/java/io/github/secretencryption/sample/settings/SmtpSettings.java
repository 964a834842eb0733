package io.github.secretencryption.sample.settings;

import io.github.secretencryption.Encrypted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the SMTP server that sends mail; the table holds a single row.
 */
@Entity
@Table(name = "smtp_settings")
public class SmtpSettings {

	static final int SINGLE_ROW_ID = 1;

	@Id
	private Integer id = SINGLE_ROW_ID;

	@Column(name = "host", nullable = false)
	private String host;

	@Column(name = "port", nullable = false)
	private Integer port;

	@Column(name = "username")
	private @Nullable String username;

	@Encrypted
	@Column(name = "smtp_password")
	private @Nullable String password;

	protected SmtpSettings() {
		this("", 0, null, null);
	}

	public SmtpSettings(String host, Integer port, @Nullable String username, @Nullable String password) {
		this.host = host;
		this.port = port;
		this.username = username;
		this.password = password;
	}

	public String getHost() {
		return this.host;
	}

	public Integer getPort() {
		return this.port;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	void update(String host, Integer port, @Nullable String username, @Nullable String password) {
		this.host = host;
		this.port = port;
		this.username = username;
		this.password = password;
	}

	@Override
	public String toString() {
		return "SmtpSettings[host=" + this.host + ", port=" + this.port + ", username=" + this.username + "]";
	}

}
