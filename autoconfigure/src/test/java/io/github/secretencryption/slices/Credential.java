package io.github.secretencryption.slices;

import io.github.secretencryption.Encrypted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "credentials")
public class Credential {

	@Id
	@GeneratedValue
	private Long id;

	private String username;

	@Encrypted
	@Column(columnDefinition = "text")
	private String password;

	protected Credential() {
	}

	public Credential(String username, String password) {
		this.username = username;
		this.password = password;
	}

	public Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getPassword() {
		return this.password;
	}

}
