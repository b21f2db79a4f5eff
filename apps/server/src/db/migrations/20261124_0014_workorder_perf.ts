import type { Kysely } from 'kysely';

// Work-order lists count their total in a separate statement (no `count(*) over ()`): a
// technician's open jobs are counted from this index alone (assignee + status), without reading
// the orders. The page itself still walks work_orders_assignee_idx newest first and stops.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('work_orders_assignee_status_idx').on('work_orders').columns(['assignee_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('work_orders_assignee_status_idx').execute();
}
