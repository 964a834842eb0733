package io.github.secretencryption.sample.user;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * REST API of users and their TOTP second factor.
 */
@RestController
@RequestMapping("/api/users")
class UserController {

	private final UserService users;

	UserController(UserService users) {
		this.users = users;
	}

	@PostMapping
	ResponseEntity<UserResponse> create(@Valid @RequestBody CreateUserRequest request) {
		UserResponse user = this.users.create(request);
		URI location = UriComponentsBuilder.fromPath("/api/users/{username}").build(user.username());
		return ResponseEntity.created(location).body(user);
	}

	@GetMapping("/{username}")
	UserResponse get(@PathVariable String username) {
		return this.users.get(username);
	}

	@PutMapping("/{username}/totp")
	UserResponse setTotpSecret(@PathVariable String username, @Valid @RequestBody TotpSecretRequest request) {
		return this.users.setTotpSecret(username, request);
	}

	@PostMapping("/{username}/totp/verify")
	TotpVerification verifyTotpCode(@PathVariable String username, @Valid @RequestBody TotpCodeRequest request) {
		return this.users.verifyTotpCode(username, request);
	}

}
