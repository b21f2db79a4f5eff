import {
  normalizePhone, normalizeSearchText, planSearch,
  type CustomerSummary, type DuplicateMatch, type DuplicatesQuery, type SearchCustomersQuery, type SearchPlan,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import { summarize } from './customers.mapper.js';
import * as repo from './customers.repository.js';
import type { CustomerRow } from './customers.repository.js';

// Rows fetched per wanted hit: a customer may match several of its terms (two phones, two readings).
const ROWS_PER_HIT = 4;

/** 0: exact name or phone, 1: starts with the query (name, pinyin, initials, phone), 2: contains it. */
function rank(row: CustomerRow, summary: CustomerSummary, plan: SearchPlan): number {
  const name = normalizeSearchText(row.name);
  const digits = summary.phones.map(normalizePhone);
  if (name === plan.text || digits.includes(plan.text)) return 0;
  const starts = [name, row.name_pinyin, row.name_initials, ...digits].some((s) => s.startsWith(plan.text));
  return starts ? 1 : 2;
}

/** Find-as-you-type over name, pinyin (full or initials) and any part of any phone. */
export async function searchCustomers(db: Db, ctx: ServiceContext, q: SearchCustomersQuery): Promise<{ items: CustomerSummary[] }> {
  const plan = planSearch(q.q);
  if (!plan) return { items: [] };
  // Rank among the first hits in index order, then keep the best `limit`.
  const rows = (await repo.searchCustomers(db, ctx.actor.scope, plan, q.limit * ROWS_PER_HIT, q.includeInactive)).slice(0, q.limit * 2);
  const summaries = await summarize(db, rows);
  const ranked = rows.map((row, i) => ({ row, i, summary: summaries[i] as CustomerSummary }))
    .map((x) => ({ ...x, rank: rank(x.row, x.summary, plan) }))
    // Within a rank, shorter names are the closer match.
    .sort((a, b) => a.rank - b.rank || a.row.name.length - b.row.name.length || a.i - b.i);
  return { items: ranked.slice(0, q.limit).map((x) => x.summary) };
}

/**
 * Customers in the caller's scope sharing any of the phones (compared as normalised digits) or
 * exactly the name: the possible duplicates shown before a new customer is saved.
 */
export async function findDuplicates(
  db: Db, ctx: ServiceContext, by: { phones: readonly string[]; name?: string | undefined; excludeId?: string | undefined },
): Promise<DuplicateMatch[]> {
  const digits = [...new Set(by.phones.map(normalizePhone))];
  const phoneHits = await repo.findPhoneMatches(db, ctx.actor.scope, digits);
  const nameHits = by.name ? await repo.findNameMatches(db, ctx.actor.scope, by.name) : [];
  const hits = [
    ...phoneHits.map((h) => ({ id: h.id, matchedOn: 'phone' as const, value: h.phone })),
    ...nameHits.map((h) => ({ id: h.id, matchedOn: 'name' as const, value: h.name })),
  ].filter((h) => h.id !== by.excludeId);
  if (hits.length === 0) return [];
  const rows = await repo.findCustomersByIds(db, ctx.actor.scope, [...new Set(hits.map((h) => h.id))]);
  const summaries = new Map((await summarize(db, rows)).map((s) => [s.id, s]));
  return hits.flatMap((h) => {
    const customer = summaries.get(h.id);
    return customer ? [{ matchedOn: h.matchedOn, value: h.value, customer }] : [];
  });
}

export async function checkDuplicates(db: Db, ctx: ServiceContext, q: DuplicatesQuery): Promise<{ matches: DuplicateMatch[] }> {
  return { matches: await findDuplicates(db, ctx, { phones: q.phone ? [q.phone] : [], name: q.name, excludeId: q.excludeId }) };
}
