/**
 * What the application's database records about keys: the key ids seen for each key name,
 * and the guard that stops a start whose keys cannot read the values already stored. Only
 * key names and key ids are stored, never key material. Nothing in this package depends
 * on Spring Boot or JPA.
 */
@NullMarked
package io.github.secretencryption.jdbc;

import org.jspecify.annotations.NullMarked;
