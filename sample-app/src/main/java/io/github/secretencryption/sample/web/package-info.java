/**
 * Web support shared by the API: the translation of errors into problem details and the
 * validation of URLs.
 */
@NullMarked
package io.github.secretencryption.sample.web;

import org.jspecify.annotations.NullMarked;
