package io.github.secretencryption.sample.user;

import io.github.secretencryption.Encrypted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A user of the patch manager, with the secret of the TOTP second factor once it is set
 * up.
 */
@Entity
@Table(name = "users")
public class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "username", nullable = false, unique = true)
	private String username;

	@Encrypted
	@Column(name = "totp_secret")
	private @Nullable String totpSecret;

	protected UserAccount() {
		this("", null);
	}

	public UserAccount(String username, @Nullable String totpSecret) {
		this.username = username;
		this.totpSecret = totpSecret;
	}

	public String getUsername() {
		return this.username;
	}

	public @Nullable String getTotpSecret() {
		return this.totpSecret;
	}

	void setTotpSecret(@Nullable String totpSecret) {
		this.totpSecret = totpSecret;
	}

	@Override
	public String toString() {
		return "UserAccount[username=" + this.username + ", totp=" + ((this.totpSecret != null) ? "set" : "not set")
				+ "]";
	}

}
