import type { Kysely } from 'kysely';
import { instantType } from './migration-helpers.js';

// 回访 (callbacks after confirmed orders) and 服务补救 (recovery cases for unhappy customers).
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = instantType(db);
  await db.schema
    .createTable('callback_policies')
    .addColumn('service_level', 'varchar(1)', (c) => c.primaryKey())
    .addColumn('share', 'real', (c) => c.notNull())
    .addColumn('delay_minutes', 'integer', (c) => c.notNull())
    .addColumn('retry_minutes', 'varchar(200)', (c) => c.notNull()) // JSON array of minutes
    .addColumn('low_score_threshold', 'real', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  // Defaults: every class-A order is called back, half of B, a third of C; due within a day;
  // retry after 2 h and after a day; below 60/100 opens a recovery case.
  const defaults = [['A', 1], ['B', 0.5], ['C', 0.3]] as const;
  await (db as Kysely<Record<string, Record<string, unknown>>>).insertInto('callback_policies').values(defaults.map(([level, share]) => ({
    service_level: level, share, delay_minutes: 24 * 60, retry_minutes: '[120,1440]', low_score_threshold: 60, updated_at: now, version: 1,
  }))).execute();

  await db.schema
    .createTable('callback_tasks')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('work_order_id', 'varchar(36)', (c) => c.notNull().references('work_orders.id'))
    .addColumn('recovery_case_id', 'varchar(36)')
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('org_path', 'varchar(500)', (c) => c.notNull())
    .addColumn('technician_id', 'varchar(36)')
    .addColumn('service_level', 'varchar(1)', (c) => c.notNull())
    .addColumn('assignee_id', 'varchar(36)')
    .addColumn('due_at', ts, (c) => c.notNull())
    .addColumn('next_attempt_at', ts)
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('answers_json', 'text')
    .addColumn('score', 'real')
    .addColumn('is_false_completion', 'integer', (c) => c.notNull())
    .addColumn('completed_at', ts)
    .addColumn('completed_by', 'varchar(36)')
    .addColumn('overdue_notified_at', ts) // the overdue sweep told the agents
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('callback_tasks_queue_idx').on('callback_tasks').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('callback_tasks_due_idx').on('callback_tasks').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('callback_tasks_org_path_idx').on('callback_tasks').columns(['org_path', 'created_at']).execute();
  await db.schema.createIndex('callback_tasks_order_idx').on('callback_tasks').column('work_order_id').execute();
  await db.schema.createIndex('callback_tasks_technician_idx').on('callback_tasks').columns(['technician_id', 'completed_at']).execute();

  await db.schema
    .createTable('callback_attempts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('task_id', 'varchar(36)', (c) => c.notNull().references('callback_tasks.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'varchar(20)', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)')
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('actor_name', 'varchar(100)')
    .addUniqueConstraint('callback_attempts_task_seq_uq', ['task_id', 'seq'])
    .execute();

  await db.schema
    .createTable('recovery_cases')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('source_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('original_work_order_id', 'varchar(36)')
    .addColumn('recovery_work_order_id', 'varchar(36)', (c) => c.notNull().references('work_orders.id'))
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('org_path', 'varchar(500)', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('reason', 'varchar(2000)', (c) => c.notNull())
    .addColumn('follow_up_task_id', 'varchar(36)')
    .addColumn('follow_up_score', 'real')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('closed_at', ts)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('recovery_cases_source_uq', ['source', 'source_id'])
    .execute();
  await db.schema.createIndex('recovery_cases_recovery_order_idx').on('recovery_cases').column('recovery_work_order_id').execute();
  await db.schema.createIndex('recovery_cases_org_path_idx').on('recovery_cases').columns(['org_path', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('recovery_cases').execute();
  await db.schema.dropTable('callback_attempts').execute();
  await db.schema.dropTable('callback_tasks').execute();
  await db.schema.dropTable('callback_policies').execute();
}
