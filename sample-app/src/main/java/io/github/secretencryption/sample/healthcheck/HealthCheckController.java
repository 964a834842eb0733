package io.github.secretencryption.sample.healthcheck;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * REST API of health checks.
 */
@RestController
@RequestMapping("/api/health-checks")
class HealthCheckController {

	private final HealthCheckService healthChecks;

	HealthCheckController(HealthCheckService healthChecks) {
		this.healthChecks = healthChecks;
	}

	@PostMapping
	ResponseEntity<HealthCheckResponse> create(@Valid @RequestBody HealthCheckRequest request) {
		HealthCheckResponse check = this.healthChecks.create(request);
		URI location = UriComponentsBuilder.fromPath("/api/health-checks/{id}").build(check.id());
		return ResponseEntity.created(location).body(check);
	}

	@GetMapping
	List<HealthCheckResponse> list() {
		return this.healthChecks.list();
	}

	@GetMapping("/{id}")
	HealthCheckResponse get(@PathVariable long id) {
		return this.healthChecks.get(id);
	}

}
