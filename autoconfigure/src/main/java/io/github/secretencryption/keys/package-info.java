/**
 * Key material: key files on disk (adding, promoting and retiring keys among them), the
 * key ring that holds every loaded key by name and key id, its reloading while the
 * application runs, and key ids. Nothing in this package depends on Spring Boot, JPA or
 * the DataSource, so keys load before any of them.
 */
@NullMarked
package io.github.secretencryption.keys;

import org.jspecify.annotations.NullMarked;
