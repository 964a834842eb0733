/**
 * Hibernate binding of {@link io.github.secretencryption.Encrypted} attributes: the
 * attribute binder, the user type that encrypts on write and decrypts on read, the
 * registry of every encrypted column, and the check that refuses queries the database
 * cannot evaluate on ciphertext. Nothing in this package depends on Spring Boot.
 */
@NullMarked
package io.github.secretencryption.jpa;

import org.jspecify.annotations.NullMarked;
