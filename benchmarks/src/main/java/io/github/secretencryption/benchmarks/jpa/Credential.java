package io.github.secretencryption.benchmarks.jpa;

/**
 * What both credential entities hold.
 */
interface Credential {

	Long getId();

	String getName();

	String getPassword();

	String getApiToken();

}
