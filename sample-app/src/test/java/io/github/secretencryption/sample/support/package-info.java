/**
 * Test support: databases of their own on H2 and PostgreSQL for each test class, and an
 * independent RFC 6238 code generator.
 */
@NullMarked
package io.github.secretencryption.sample.support;

import org.jspecify.annotations.NullMarked;
