package io.github.secretencryption.sample.user;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stores {@link UserAccount users}.
 */
public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	Optional<UserAccount> findByUsername(String username);

	boolean existsByUsername(String username);

}
