package io.github.secretencryption;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a query would make the database compare, match, sort or transform the value
 * of an {@link Encrypted} attribute. Every value is encrypted with a random nonce, so
 * equal plaintexts have different ciphertexts and the database sees nothing of the
 * plaintext: such a query could only ever return wrong or empty results. Only
 * {@code IS NULL} and {@code IS NOT NULL} work on an encrypted attribute.
 * <p>
 * The message names the query's origin (a repository method, or the kind of query), the
 * entity and the attribute; it never contains the query text, which may hold literal
 * values.
 *
 * @since 0.1.0
 */
public class AttributeNotQueryableException extends SecretEncryptionException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param problem what the query does with the attribute and why it cannot work
	 * @param location the attribute, if known
	 */
	public AttributeNotQueryableException(String problem, @Nullable SecretLocation location) {
		super(problem, location);
	}

	/**
	 * Create the exception for a query that uses an encrypted attribute where the
	 * database would need its plaintext.
	 * @param query where the query comes from, for example
	 * {@code "Repository method AccountRepository.findByEmail"}; never the query text
	 * @param use how the query uses the attribute, for example {@code "a LIKE pattern"}
	 * @param location the entity and attribute, and the column and key if known
	 * @return the exception
	 */
	public static AttributeNotQueryableException of(String query, String use, SecretLocation location) {
		return new AttributeNotQueryableException(query + " uses encrypted attribute " + location.attribute() + " in "
				+ use + ", which the database cannot evaluate: every value is encrypted with a random nonce, so equal "
				+ "plaintexts have different ciphertexts and the database sees no order, prefix or pattern of the "
				+ "plaintext. Only IS NULL and IS NOT NULL work on an encrypted attribute; select the rows by another "
				+ "attribute and compare the decrypted values in Java", location);
	}

	@Override
	public AttributeNotQueryableException at(SecretLocation location) {
		SecretLocation known = getLocation();
		return new AttributeNotQueryableException(getProblem(), (known != null) ? known.merge(location) : location);
	}

}
