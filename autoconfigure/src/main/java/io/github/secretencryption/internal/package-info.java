/**
 * Helpers shared by the starter's packages; not part of its API.
 */
@NullMarked
package io.github.secretencryption.internal;

import org.jspecify.annotations.NullMarked;
