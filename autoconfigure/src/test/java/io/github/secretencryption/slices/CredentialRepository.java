package io.github.secretencryption.slices;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CredentialRepository extends JpaRepository<Credential, Long> {

	List<Credential> findByUsername(String username);

}
