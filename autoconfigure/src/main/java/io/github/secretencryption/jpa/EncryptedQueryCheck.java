package io.github.secretencryption.jpa;

import java.util.List;
import java.util.function.Supplier;

import io.github.secretencryption.AttributeNotQueryableException;
import io.github.secretencryption.SecretLocation;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.query.hql.spi.SqmQueryImplementor;
import org.hibernate.query.sqm.spi.BaseSemanticQueryWalker;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.SqmTypedNode;
import org.hibernate.query.sqm.tree.domain.SqmBasicValuedSimplePath;
import org.hibernate.query.sqm.tree.domain.SqmPath;
import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.query.sqm.tree.expression.SqmFunction;
import org.hibernate.query.sqm.tree.expression.SqmLiteralNull;
import org.hibernate.query.sqm.tree.expression.SqmParameter;
import org.hibernate.query.sqm.tree.insert.SqmInsertSelectStatement;
import org.hibernate.query.sqm.tree.insert.SqmInsertStatement;
import org.hibernate.query.sqm.tree.insert.SqmInsertValuesStatement;
import org.hibernate.query.sqm.tree.insert.SqmValues;
import org.hibernate.query.sqm.tree.predicate.SqmBetweenPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmComparisonPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmInListPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmInSubQueryPredicate;
import org.hibernate.query.sqm.tree.predicate.SqmLikePredicate;
import org.hibernate.query.sqm.tree.predicate.SqmNullnessPredicate;
import org.hibernate.query.sqm.tree.select.SqmDynamicInstantiation;
import org.hibernate.query.sqm.tree.select.SqmDynamicInstantiationArgument;
import org.hibernate.query.sqm.tree.select.SqmJpaCompoundSelection;
import org.hibernate.query.sqm.tree.select.SqmQuerySpec;
import org.hibernate.query.sqm.tree.select.SqmSelectableNode;
import org.hibernate.query.sqm.tree.select.SqmSelection;
import org.hibernate.query.sqm.tree.select.SqmSortSpecification;
import org.hibernate.query.sqm.tree.update.SqmAssignment;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a query uses {@link io.github.secretencryption.Encrypted} attributes only
 * in ways that work on ciphertext: selecting the attribute, testing it with
 * {@code IS NULL} or {@code IS NOT NULL}, counting it, and setting it from a query
 * parameter or {@code null}. Any other use (a comparison, {@code LIKE}, {@code IN},
 * {@code BETWEEN}, a function, {@code ORDER BY}, {@code GROUP BY}, a literal or an
 * expression assigned to it) raises an {@link AttributeNotQueryableException} before any
 * SQL is sent or any value is encrypted.
 * <p>
 * Every JPQL, HQL and criteria query of a persistence unit connected through
 * {@link HibernateEncryption#toHibernateProperties()} is checked when Hibernate
 * translates it to SQL. Query strings can also be checked ahead of time with
 * {@link #check(EntityManagerFactory, String, String)}.
 *
 * @since 0.1.0
 */
public final class EncryptedQueryCheck {

	private EncryptedQueryCheck() {
	}

	/**
	 * Check a JPQL or HQL query string without running it.
	 * @param entityManagerFactory the persistence unit the query runs in
	 * @param jpql the query
	 * @param origin where the query comes from, for messages, for example
	 * {@code "Repository method AccountRepository.findByToken"}
	 * @throws AttributeNotQueryableException if the query uses an encrypted attribute in
	 * a way the database cannot evaluate
	 */
	public static void check(EntityManagerFactory entityManagerFactory, String jpql, String origin) {
		EntityManager entityManager = entityManagerFactory.createEntityManager();
		try {
			SqmStatement<?> statement = entityManager.createQuery(jpql)
				.unwrap(SqmQueryImplementor.class)
				.getSqmStatement();
			check(statement, origin);
		}
		finally {
			entityManager.close();
		}
	}

	static void check(SqmStatement<?> statement, String origin) {
		statement.accept(new Walker(origin));
	}

	static String describe(SqmStatement<?> statement) {
		return switch (statement.getQuerySource()) {
			case HQL -> "JPQL query";
			case CRITERIA -> "Criteria query";
			default -> "Query";
		};
	}

	static @Nullable EncryptedColumn encryptedColumn(@Nullable SqmTypedNode<?> node) {
		if (node instanceof SqmBasicValuedSimplePath<?> path
				&& path.getReferencedPathSource().getPathType() instanceof EncryptedCustomType type) {
			return type.getColumn();
		}
		return null;
	}

	/**
	 * Walks the whole query, including subqueries, joins and their conditions, and fails
	 * on the first encrypted attribute it reaches outside an allowed use. Allowed uses
	 * are not walked into.
	 */
	private static final class Walker extends BaseSemanticQueryWalker {

		private final String origin;

		private String use = "an expression";

		Walker(String origin) {
			this.origin = origin;
		}

		@Override
		public Object visitBasicValuedPath(SqmBasicValuedSimplePath<?> path) {
			EncryptedColumn column = encryptedColumn(path);
			if (column != null) {
				throw notQueryable(column, this.use);
			}
			return super.visitBasicValuedPath(path);
		}

		private AttributeNotQueryableException notQueryable(EncryptedColumn column, String use) {
			return AttributeNotQueryableException.of(this.origin, use, new SecretLocation(column.keyName(), null,
					column.entity(), column.attribute(), column.table(), column.column(), null));
		}

		private Object within(String use, Supplier<Object> visit) {
			String outer = this.use;
			this.use = use;
			try {
				return visit.get();
			}
			finally {
				this.use = outer;
			}
		}

		@Override
		public Object visitSelection(SqmSelection<?> selection) {
			if (encryptedColumn(selection.getSelectableNode()) != null) {
				return selection;
			}
			return super.visitSelection(selection);
		}

		@Override
		public Object visitDynamicInstantiation(SqmDynamicInstantiation<?> instantiation) {
			for (SqmDynamicInstantiationArgument<?> argument : instantiation.getArguments()) {
				visitSelected(argument.getSelectableNode());
			}
			return instantiation;
		}

		@Override
		public Object visitJpaCompoundSelection(SqmJpaCompoundSelection<?> selection) {
			for (SqmSelectableNode<?> item : selection.getSelectionItems()) {
				visitSelected(item);
			}
			return selection;
		}

		private void visitSelected(SqmSelectableNode<?> node) {
			if (encryptedColumn(node) == null) {
				node.accept(this);
			}
		}

		@Override
		public Object visitIsNullPredicate(SqmNullnessPredicate predicate) {
			if (encryptedColumn(predicate.getExpression()) != null) {
				return predicate;
			}
			return super.visitIsNullPredicate(predicate);
		}

		@Override
		public Object visitFunction(SqmFunction<?> function) {
			List<? extends SqmTypedNode<?>> arguments = function.getArguments();
			if ("count".equalsIgnoreCase(function.getFunctionName()) && arguments.size() == 1
					&& encryptedColumn(arguments.get(0)) != null) {
				return function;
			}
			return within("a database function", () -> super.visitFunction(function));
		}

		@Override
		public Object visitComparisonPredicate(SqmComparisonPredicate predicate) {
			return within("a comparison (" + predicate.getSqmOperator().sqlText() + ")",
					() -> super.visitComparisonPredicate(predicate));
		}

		@Override
		public Object visitLikePredicate(SqmLikePredicate predicate) {
			return within("a LIKE pattern", () -> super.visitLikePredicate(predicate));
		}

		@Override
		public Object visitInListPredicate(SqmInListPredicate<?> predicate) {
			return within("an IN list", () -> super.visitInListPredicate(predicate));
		}

		@Override
		public Object visitInSubQueryPredicate(SqmInSubQueryPredicate<?> predicate) {
			return within("an IN subquery", () -> super.visitInSubQueryPredicate(predicate));
		}

		@Override
		public Object visitBetweenPredicate(SqmBetweenPredicate predicate) {
			return within("a BETWEEN condition", () -> super.visitBetweenPredicate(predicate));
		}

		@Override
		public Object visitSortSpecification(SqmSortSpecification specification) {
			return within("ORDER BY", () -> super.visitSortSpecification(specification));
		}

		@Override
		public Object visitGroupByClause(List<SqmExpression<?>> expressions) {
			return within("GROUP BY", () -> super.visitGroupByClause(expressions));
		}

		@Override
		public Object visitAssignment(SqmAssignment<?> assignment) {
			EncryptedColumn target = encryptedColumn(assignment.getTargetPath());
			if (target == null) {
				return within("an assignment to another attribute", () -> super.visitAssignment(assignment));
			}
			checkWrittenValue(target, assignment.getValue());
			return assignment;
		}

		@Override
		public Object visitInsertValuesStatement(SqmInsertValuesStatement<?> statement) {
			visitCteContainer(statement);
			statement.getTarget().accept(this);
			List<SqmPath<?>> targets = visitInsertionTargets(statement);
			for (SqmValues values : statement.getValuesList()) {
				List<SqmExpression<?>> expressions = values.getExpressions();
				for (int index = 0; index < expressions.size(); index++) {
					EncryptedColumn target = (index < targets.size()) ? encryptedColumn(targets.get(index)) : null;
					if (target != null) {
						checkWrittenValue(target, expressions.get(index));
					}
					else {
						expressions.get(index).accept(this);
					}
				}
			}
			visitConflict(statement);
			return statement;
		}

		@Override
		public Object visitInsertSelectStatement(SqmInsertSelectStatement<?> statement) {
			visitCteContainer(statement);
			statement.getTarget().accept(this);
			List<SqmPath<?>> targets = visitInsertionTargets(statement);
			for (int index = 0; index < targets.size(); index++) {
				EncryptedColumn target = encryptedColumn(targets.get(index));
				if (target != null) {
					if (!(statement.getSelectQueryPart() instanceof SqmQuerySpec<?> spec)
							|| index >= spec.getSelectClause().getSelections().size()) {
						throw notQueryable(target, "an INSERT from a query");
					}
					checkWrittenValue(target, spec.getSelectClause().getSelections().get(index).getSelectableNode());
				}
			}
			statement.getSelectQueryPart().accept(this);
			visitConflict(statement);
			return statement;
		}

		private List<SqmPath<?>> visitInsertionTargets(SqmInsertStatement<?> statement) {
			List<SqmPath<?>> targets = statement.getInsertionTargetPaths();
			for (SqmPath<?> target : targets) {
				if (encryptedColumn(target) == null) {
					target.accept(this);
				}
			}
			return targets;
		}

		private void visitConflict(SqmInsertStatement<?> statement) {
			if (statement.getConflictClause() != null) {
				visitConflictClause(statement.getConflictClause());
			}
		}

		/**
		 * A value written into an encrypted column must reach the encryptor as a bound
		 * parameter, be {@code null}, or come from the same attribute unchanged; a
		 * literal or an expression would be written as plaintext or as another column's
		 * ciphertext.
		 */
		private void checkWrittenValue(EncryptedColumn target, SqmTypedNode<?> value) {
			if (value instanceof SqmParameter<?> || value instanceof SqmLiteralNull<?>) {
				return;
			}
			EncryptedColumn source = encryptedColumn(value);
			if (source != null && source.associatedData().equals(target.associatedData())
					&& source.keyName().equals(target.keyName())) {
				return;
			}
			throw notQueryable(target, "a write of a literal or expression (only a query parameter is encrypted)");
		}

	}

}
