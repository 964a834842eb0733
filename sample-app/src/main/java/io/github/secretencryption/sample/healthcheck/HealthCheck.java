package io.github.secretencryption.sample.healthcheck;

import io.github.secretencryption.Encrypted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP endpoint that the patch manager polls to see whether a host is healthy,
 * optionally with basic authentication. Its password is encrypted under the
 * {@code health-check} key, so that it can be rotated apart from the other secrets.
 */
@Entity
@Table(name = "health_checks")
public class HealthCheck {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "name", nullable = false)
	private String name;

	@Column(name = "url", nullable = false)
	private String url;

	@Column(name = "username")
	private @Nullable String username;

	@Encrypted(key = "health-check")
	@Column(name = "basic_auth_password")
	private @Nullable String password;

	protected HealthCheck() {
		this("", "", null, null);
	}

	public HealthCheck(String name, String url, @Nullable String username, @Nullable String password) {
		this.name = name;
		this.url = url;
		this.username = username;
		this.password = password;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getUrl() {
		return this.url;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	@Override
	public String toString() {
		return "HealthCheck[id=" + this.id + ", name=" + this.name + ", url=" + this.url + "]";
	}

}
