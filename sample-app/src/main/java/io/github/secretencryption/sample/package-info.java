/**
 * Sample application of secret-encryption: a patch-manager settings service whose secrets
 * are encrypted at rest and masked in every JSON response.
 */
@NullMarked
package io.github.secretencryption.sample;

import org.jspecify.annotations.NullMarked;
