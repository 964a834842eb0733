package io.github.secretencryption.queries;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Query methods that work on an encrypted attribute: none compares its value.
 */
public interface MemberRepository extends JpaRepository<Member, Long> {

	List<Member> findByName(String name, Sort sort);

	List<Member> findByEmailIsNull();

	List<Member> findByEmailIsNotNull();

	List<Member> findByNameAndEmailIsNotNull(String name);

	long countByEmailIsNull();

	@Query("select m from Member m where m.email is null or m.name = ?1")
	List<Member> findWithoutEmailOrNamed(String name);

	@Query("select m.email from Member m where m.name = :name")
	List<String> findEmailsByName(String name);

}
