package io.github.secretencryption.sample.user;

import java.time.Clock;

import io.github.secretencryption.jackson.SecretMasking;
import io.github.secretencryption.sample.web.ConflictException;
import io.github.secretencryption.sample.web.NotFoundException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates users, sets up their TOTP secrets and checks their TOTP codes.
 */
@Service
public class UserService {

	private final UserAccountRepository users;

	private final SecretMasking masking;

	private final Clock clock;

	UserService(UserAccountRepository users, SecretMasking masking, Clock clock) {
		this.users = users;
		this.masking = masking;
		this.clock = clock;
	}

	@Transactional
	public UserResponse create(CreateUserRequest request) {
		if (this.users.existsByUsername(request.username())) {
			throw usernameTaken(request.username());
		}
		try {
			return UserResponse.of(this.users.saveAndFlush(new UserAccount(request.username(), null)));
		}
		catch (DataIntegrityViolationException ex) {
			throw usernameTaken(request.username());
		}
	}

	private ConflictException usernameTaken(String username) {
		return new ConflictException("User '" + username + "' already exists", "username");
	}

	@Transactional(readOnly = true)
	public UserResponse get(String username) {
		return UserResponse.of(find(username));
	}

	@Transactional
	public UserResponse setTotpSecret(String username, TotpSecretRequest request) {
		UserAccount user = find(username);
		String stored = user.getTotpSecret();
		String secret = this.masking.resolve(request.secret(), stored, "secret");
		if (secret != null && !secret.equals(stored)) {
			secret = Totp.normalize(secret);
		}
		user.setTotpSecret(secret);
		return UserResponse.of(user);
	}

	@Transactional(readOnly = true)
	public TotpVerification verifyTotpCode(String username, TotpCodeRequest request) {
		UserAccount user = find(username);
		String secret = user.getTotpSecret();
		if (secret == null) {
			throw new ConflictException("User '" + username + "' has no TOTP secret; set one up first", "code");
		}
		return new TotpVerification(Totp.ofBase32(secret).verify(request.code(), this.clock.instant()));
	}

	private UserAccount find(String username) {
		return this.users.findByUsername(username)
			.orElseThrow(() -> new NotFoundException("User '" + username + "' does not exist", "username"));
	}

}
