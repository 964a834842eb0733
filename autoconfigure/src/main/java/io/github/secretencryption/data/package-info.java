/**
 * Checks of Spring Data JPA repositories: every query method is checked as the repository
 * is created, so that a method that compares an encrypted attribute in the database stops
 * the application at startup. Nothing in this package depends on Spring Boot.
 */
@NullMarked
package io.github.secretencryption.data;

import org.jspecify.annotations.NullMarked;
