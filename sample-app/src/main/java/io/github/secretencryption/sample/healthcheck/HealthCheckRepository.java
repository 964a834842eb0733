package io.github.secretencryption.sample.healthcheck;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stores {@link HealthCheck health checks}.
 */
public interface HealthCheckRepository extends JpaRepository<HealthCheck, Long> {

	List<HealthCheck> findAllByOrderByIdAsc();

}
