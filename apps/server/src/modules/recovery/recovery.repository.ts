import type { ListRecoveryCasesQuery, Scope } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { RecoveryCasesTable } from '../../db/schema.js';
import { fetchPage } from '../../db/paging.js';
import { inScope } from '../../db/scope.js';

// Every query of recovery cases. A case is visible to the callers whose subtree holds the org
// responsible for the recovery order.

export function findCaseBySource(db: Db, source: RecoveryCasesTable['source'], sourceId: string) {
  return db.selectFrom('recovery_cases').selectAll().where('source', '=', source).where('source_id', '=', sourceId).executeTakeFirst();
}

export function findCaseByRecoveryOrder(db: Db, workOrderId: string) {
  return db.selectFrom('recovery_cases').selectAll().where('recovery_work_order_id', '=', workOrderId).executeTakeFirst();
}

export function findCaseById(db: Db, id: string) {
  return db.selectFrom('recovery_cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCase(db: Db, row: RecoveryCasesTable): Promise<void> {
  await db.insertInto('recovery_cases').values(row).execute();
}

export async function updateCase(db: Db, id: string, version: number, patch: Partial<RecoveryCasesTable>): Promise<boolean> {
  const res = await db.updateTable('recovery_cases').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

function scopedCases(db: Db, scope: Scope) {
  return db
    .selectFrom('recovery_cases')
    .innerJoin('customers', 'customers.id', 'recovery_cases.customer_id')
    .where((eb) => inScope(eb, 'recovery_cases.org_path', scope));
}

const caseColumns = [
  'recovery_cases.id', 'recovery_cases.source', 'recovery_cases.source_id', 'recovery_cases.status', 'recovery_cases.score', 'recovery_cases.reason',
  'recovery_cases.customer_id', 'customers.name as customer_name', 'recovery_cases.original_work_order_id', 'recovery_cases.recovery_work_order_id',
  'recovery_cases.follow_up_task_id', 'recovery_cases.follow_up_score', 'recovery_cases.created_at', 'recovery_cases.closed_at',
] as const;

// Order numbers and status by correlated look-ups: one row each, on a page of at most 200 cases.
function named(query: ReturnType<typeof scopedCases>) {
  return query.select(caseColumns).select((eb) => [
    eb.selectFrom('work_orders').select('work_orders.number').whereRef('work_orders.id', '=', 'recovery_cases.original_work_order_id').as('original_number'),
    eb.selectFrom('work_orders').select('work_orders.number').whereRef('work_orders.id', '=', 'recovery_cases.recovery_work_order_id').as('recovery_number'),
    eb.selectFrom('work_orders').select('work_orders.status').whereRef('work_orders.id', '=', 'recovery_cases.recovery_work_order_id').as('recovery_status'),
  ]);
}

export function getCase(db: Db, scope: Scope, id: string) {
  return named(scopedCases(db, scope)).where('recovery_cases.id', '=', id).executeTakeFirst();
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof getCase>>>;

const sortColumns = { createdAt: 'recovery_cases.created_at', score: 'recovery_cases.score' } as const;

export function listCases(db: Db, scope: Scope, q: ListRecoveryCasesQuery) {
  const filtered = () => {
    let query = scopedCases(db, scope);
    if (q.status) query = query.where('recovery_cases.status', '=', q.status);
    if (q.source) query = query.where('recovery_cases.source', '=', q.source);
    if (q.q) query = query.where('customers.name', 'like', `%${q.q}%`);
    return query;
  };
  const page = named(filtered())
    .orderBy(sortColumns[q.sort ?? 'createdAt'], q.sort ? q.order : 'desc')
    .orderBy('recovery_cases.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return fetchPage(db, page, filtered().select((eb) => eb.fn.countAll<number | string>().as('n')), q.page, q.pageSize);
}

/** Cases opened in a period within the scope, by status (the success rate). */
export function countCasesByStatus(db: Db, scope: Scope, from: string, to: string) {
  return db
    .selectFrom('recovery_cases')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where((eb) => inScope(eb, 'recovery_cases.org_path', scope))
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .groupBy('status')
    .execute();
}

export async function readThreshold(db: Db): Promise<number | null> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', 'recovery.threshold').executeTakeFirst();
  return row ? Number(row.value) : null;
}

export async function writeThreshold(db: Db, value: number): Promise<void> {
  await db.insertInto('app_meta').values({ key: 'recovery.threshold', value: String(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(value) })).execute();
}
