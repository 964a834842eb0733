package io.github.secretencryption.jpa;

import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.query.spi.QueryParameterBindings;
import org.hibernate.query.sqm.internal.DomainParameterXref;
import org.hibernate.query.sqm.sql.SqmTranslator;
import org.hibernate.query.sqm.sql.SqmTranslatorFactory;
import org.hibernate.query.sqm.sql.StandardSqmTranslatorFactory;
import org.hibernate.query.sqm.tree.SqmDmlStatement;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.sql.ast.spi.SqlAstCreationContext;
import org.hibernate.sql.ast.tree.MutationStatement;
import org.hibernate.sql.ast.tree.select.SelectStatement;

/**
 * Hibernate's translator of queries to SQL, preceded by the {@link EncryptedQueryCheck}
 * of the query. Hibernate creates it from the setting
 * {@value HibernateEncryption#QUERY_TRANSLATOR_SETTING}, which
 * {@link HibernateEncryption#toHibernateProperties()} provides. It translates with the
 * dialect's own translator factory if the dialect has one, and with Hibernate's standard
 * one otherwise.
 *
 * @since 0.1.0
 */
public class CheckingSqmTranslatorFactory implements SqmTranslatorFactory {

	private static final SqmTranslatorFactory STANDARD = new StandardSqmTranslatorFactory();

	@Override
	public SqmTranslator<SelectStatement> createSelectTranslator(SqmSelectStatement<?> sqmSelectStatement,
			QueryOptions queryOptions, DomainParameterXref domainParameterXref,
			QueryParameterBindings domainParameterBindings, LoadQueryInfluencers loadQueryInfluencers,
			SqlAstCreationContext creationContext, boolean deduplicateSelectionItems) {
		EncryptedQueryCheck.check(sqmSelectStatement, EncryptedQueryCheck.describe(sqmSelectStatement));
		return delegate(creationContext).createSelectTranslator(sqmSelectStatement, queryOptions, domainParameterXref,
				domainParameterBindings, loadQueryInfluencers, creationContext, deduplicateSelectionItems);
	}

	@Override
	public SqmTranslator<? extends MutationStatement> createMutationTranslator(SqmDmlStatement<?> sqmDmlStatement,
			QueryOptions queryOptions, DomainParameterXref domainParameterXref,
			QueryParameterBindings domainParameterBindings, LoadQueryInfluencers loadQueryInfluencers,
			SqlAstCreationContext creationContext) {
		EncryptedQueryCheck.check(sqmDmlStatement, EncryptedQueryCheck.describe(sqmDmlStatement));
		return delegate(creationContext).createMutationTranslator(sqmDmlStatement, queryOptions, domainParameterXref,
				domainParameterBindings, loadQueryInfluencers, creationContext);
	}

	private static SqmTranslatorFactory delegate(SqlAstCreationContext creationContext) {
		SqmTranslatorFactory dialectFactory = creationContext.getDialect().getSqmTranslatorFactory();
		return (dialectFactory != null) ? dialectFactory : STANDARD;
	}

}
