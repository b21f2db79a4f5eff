import type { Scope } from '@sht/domain';
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';

/**
 * The one place data scope becomes SQL: rows whose org path lies in the caller's subtree.
 * Repositories must pass the caller's Scope; there is no overload without one.
 */
export function inScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  pathColumn: string,
  scope: Scope,
): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  return eb(sql.ref(pathColumn), 'like', `${scope.orgPath}%`);
}
