package io.github.secretencryption.sample.healthcheck;

import java.util.List;

import io.github.secretencryption.jackson.SecretMasking;
import io.github.secretencryption.sample.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and reads health checks.
 */
@Service
public class HealthCheckService {

	private final HealthCheckRepository healthChecks;

	private final SecretMasking masking;

	HealthCheckService(HealthCheckRepository healthChecks, SecretMasking masking) {
		this.healthChecks = healthChecks;
		this.masking = masking;
	}

	@Transactional
	public HealthCheckResponse create(HealthCheckRequest request) {
		String password = this.masking.requireReal(request.password(), "password");
		HealthCheck check = new HealthCheck(request.name(), request.url(), request.username(), password);
		return HealthCheckResponse.of(this.healthChecks.save(check));
	}

	@Transactional(readOnly = true)
	public List<HealthCheckResponse> list() {
		return this.healthChecks.findAllByOrderByIdAsc().stream().map(HealthCheckResponse::of).toList();
	}

	@Transactional(readOnly = true)
	public HealthCheckResponse get(long id) {
		return this.healthChecks.findById(id)
			.map(HealthCheckResponse::of)
			.orElseThrow(() -> new NotFoundException("Health check " + id + " does not exist", "id"));
	}

}
