/**
 * Bulk changes to stored values: encrypting legacy plaintext in place, in batches, with
 * writes that never overwrite a concurrent change. Nothing in this package depends on
 * Spring Boot.
 */
@NullMarked
package io.github.secretencryption.migration;

import org.jspecify.annotations.NullMarked;
