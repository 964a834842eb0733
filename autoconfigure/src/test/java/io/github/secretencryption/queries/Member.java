package io.github.secretencryption.queries;

import io.github.secretencryption.Encrypted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "members")
public class Member {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	@Encrypted
	@Column(columnDefinition = "text")
	private String email;

	@ManyToOne
	private Member sponsor;

	protected Member() {
	}

	public Member(String name, String email) {
		this.name = name;
		this.email = email;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getEmail() {
		return this.email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public Member getSponsor() {
		return this.sponsor;
	}

	public void setSponsor(Member sponsor) {
		this.sponsor = sponsor;
	}

}
