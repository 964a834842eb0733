/**
 * Bulk work on stored values: encrypting legacy plaintext in place, counting the values
 * under each key id, and moving values onto a key name's primary key, in batches, with
 * writes that never overwrite a concurrent change. Nothing in this package depends on
 * Spring Boot.
 */
@NullMarked
package io.github.secretencryption.migration;

import org.jspecify.annotations.NullMarked;
