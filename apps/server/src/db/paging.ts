import { PostgresAdapter, sql, type Kysely, type SelectQueryBuilder } from 'kysely';

const totalCount = () => sql<number | string>`count(*) over ()`.as('total_count');

/**
 * One page of a list plus the total of the filtered list. PostgreSQL gets the total from
 * `count(*) over ()` in the page query (one round trip); SQLite, where that window forces a
 * temp sort that costs more than a second indexed query, runs a separate count.
 */
export async function fetchPage<DB, TB extends keyof DB, O>(
  db: Kysely<DB>,
  pageQuery: SelectQueryBuilder<DB, TB, O>,
  countQuery: SelectQueryBuilder<DB, TB, { n: number | string }>,
  page: number,
  pageSize: number,
): Promise<{ rows: O[]; total: number }> {
  const count = async () => Number((await countQuery.executeTakeFirstOrThrow()).n);
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    const rows = await pageQuery.execute();
    // A page that is not full is the last one: its rows tell the total without counting.
    const isLast = rows.length < pageSize && (rows.length > 0 || page === 1);
    return { rows, total: isLast ? (page - 1) * pageSize + rows.length : await count() };
  }
  const rows = (await pageQuery.select(totalCount()).execute()) as (O & { total_count: number | string })[];
  const first = rows[0];
  // An empty page has no row to carry the total: only then, past page one, count separately.
  const total = first ? Number(first.total_count) : page > 1 ? await count() : 0;
  return { rows: rows.map(({ total_count: _, ...rest }) => rest as O), total };
}
