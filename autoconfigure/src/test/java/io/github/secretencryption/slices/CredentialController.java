package io.github.secretencryption.slices;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CredentialController {

	private final CredentialRepository credentials;

	CredentialController(CredentialRepository credentials) {
		this.credentials = credentials;
	}

	@GetMapping("/credentials/{id}")
	Credential credential(@PathVariable Long id) {
		return this.credentials.findById(id).orElseThrow();
	}

}
