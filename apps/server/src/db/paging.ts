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

/**
 * Find-as-you-type lists: one page plus a total counted only up to `cap` rows past the page's
 * start, so a one-letter prefix over a million rows costs at most `cap` index steps. When more
 * rows match, `total` is that bound and `isTotalCapped` is true ("1,000+"). The page query runs
 * without `count(*) over ()`, which would evaluate every match before the LIMIT applies.
 * `matchQuery` is the filtered list selecting any one column.
 */
export async function fetchPageWithCappedTotal<DB, TB extends keyof DB, O, M>(
  db: Kysely<DB>,
  pageQuery: SelectQueryBuilder<DB, TB, O>,
  matchQuery: SelectQueryBuilder<DB, TB, M>,
  page: number,
  pageSize: number,
  cap: number,
): Promise<{ rows: O[]; total: number; isTotalCapped: boolean }> {
  const rows = await pageQuery.execute();
  const offset = (page - 1) * pageSize;
  // A page that is not full is the last one: its rows tell the total without counting.
  if (rows.length < pageSize && (rows.length > 0 || page === 1)) return { rows, total: offset + rows.length, isTotalCapped: false };
  const bound = offset + cap;
  const counted = await sql<{ n: number | string }>`select count(*) as n from (${matchQuery.limit(bound + 1)}) as capped`.execute(db);
  const n = Number(counted.rows[0]?.n ?? 0);
  return n > bound ? { rows, total: bound, isTotalCapped: true } : { rows, total: n, isTotalCapped: false };
}
