import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { instantType } from './migration-helpers.js';

// Work orders (工单), their lifecycle events, their SLA targets, SLA policies and per-day counters
// for human-readable order numbers.
export async function up(db: Kysely<unknown>): Promise<void> {
  const ts = instantType(db);

  await db.schema
    .createTable('sla_policies')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('type', 'varchar(20)') // null: any type
    .addColumn('priority', 'varchar(10)')
    .addColumn('service_level', 'varchar(1)')
    .addColumn('response_minutes', 'integer', (c) => c.notNull())
    .addColumn('arrival_minutes', 'integer')
    .addColumn('resolution_minutes', 'integer', (c) => c.notNull())
    .addColumn('all_hours', 'integer', (c) => c.notNull())
    .addColumn('warn_share', 'real', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('counters')
    .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();

  // Complaint routing rules, tried in position order; the first that matches decides the org.
  await db.schema
    .createTable('complaint_rules')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('category', 'varchar(20)')
    .addColumn('region_org_id', 'varchar(36)', (c) => c.references('orgs.id'))
    .addColumn('customer_grade', 'varchar(1)')
    .addColumn('customer_tag', 'varchar(20)')
    .addColumn('target_org_id', 'varchar(36)', (c) => c.notNull().references('orgs.id'))
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('work_orders')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('number', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('priority', 'varchar(10)', (c) => c.notNull())
    .addColumn('channel', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('resume_status', 'varchar(20)')
    .addColumn('service_level', 'varchar(1)', (c) => c.notNull())
    .addColumn('title', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('fault_category', 'varchar(50)')
    .addColumn('fault_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('caller_name', 'varchar(50)')
    .addColumn('caller_phone', 'varchar(32)')
    .addColumn('site_address', 'varchar(200)')
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull().references('customers.id'))
    .addColumn('equipment_id', 'varchar(36)', (c) => c.references('equipment_units.id'))
    // The responsible org and its path (copied, so scope checks need no join; rewritten on org moves).
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('orgs.id'))
    .addColumn('org_path', 'varchar(400)', (c) => c.notNull())
    .addColumn('assignee_id', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('sla_policy_id', 'varchar(36)', (c) => c.references('sla_policies.id'))
    // The promise is copied from the policy when the order is taken: editing a policy later never
    // moves the deadlines of orders already running.
    .addColumn('sla_response_minutes', 'integer', (c) => c.notNull())
    .addColumn('sla_arrival_minutes', 'integer')
    .addColumn('sla_resolution_minutes', 'integer', (c) => c.notNull())
    .addColumn('sla_warn_share', 'real', (c) => c.notNull())
    .addColumn('sla_all_hours', 'integer', (c) => c.notNull())
    // The business calendar the clocks run on, fixed when the order is taken (the responsible
    // org's own or inherited calendar, or 7×24 for round-the-clock promises).
    .addColumn('calendar_id', 'varchar(36)', (c) => c.references('calendars.id'))
    .addColumn('diagnosis_json', 'text')
    // Complaints: category, the org complained about, the rule that routed it, its answer.
    .addColumn('complaint_category', 'varchar(20)')
    .addColumn('at_fault_org_id', 'varchar(36)', (c) => c.references('orgs.id'))
    .addColumn('routed_by_rule_id', 'varchar(36)', (c) => c.references('complaint_rules.id'))
    .addColumn('complaint_response_json', 'text')
    .addColumn('is_repeat', 'integer', (c) => c.notNull())
    .addColumn('repeat_of_id', 'varchar(36)')
    .addColumn('reopen_count', 'integer', (c) => c.notNull())
    .addColumn('resolved_at', ts) // the last resolve; cleared by a reopen
    .addColumn('response_due_at', ts)
    .addColumn('arrival_due_at', ts)
    .addColumn('resolution_due_at', ts)
    // The next instant an SLA clock of this order warns or breaches (null: none running): the
    // sweep that warns and escalates reads only rows whose instant has come.
    .addColumn('next_sla_check_at', ts)
    .addColumn('created_by', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_orders_org_path_idx').on('work_orders').columns(['org_path', 'created_at']).execute();
  // A technician's job list: their orders newest first, read in index order and filtered by status.
  await db.schema.createIndex('work_orders_assignee_idx').on('work_orders').columns(['assignee_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('work_orders_customer_idx').on('work_orders').columns(['customer_id', 'created_at']).execute();
  await db.schema.createIndex('work_orders_equipment_idx').on('work_orders').columns(['equipment_id', 'created_at']).execute();
  await db.schema.createIndex('work_orders_sla_check_idx').on('work_orders').columns(['next_sla_check_at']).execute();
  await db.schema.createIndex('work_orders_created_by_idx').on('work_orders').columns(['created_by', 'created_at']).execute();
  await db.schema.createIndex('work_orders_status_idx').on('work_orders').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('work_order_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('work_order_id', 'varchar(36)', (c) => c.notNull().references('work_orders.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'varchar(20)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(20)')
    .addColumn('to_status', 'varchar(20)', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('actor_name', 'varchar(100)')
    .addColumn('note', 'text')
    .addColumn('data_json', 'text')
    .addUniqueConstraint('work_order_events_seq_uq', ['work_order_id', 'seq'])
    .execute();

  // One row per SLA target and cycle: met/breached per target for reporting, and the evidence
  // (start, pauses via events, calendar versions) to re-derive any deadline.
  await db.schema
    .createTable('work_order_sla')
    .addColumn('work_order_id', 'varchar(36)', (c) => c.notNull().references('work_orders.id'))
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('cycle', 'integer', (c) => c.notNull())
    .addColumn('target_minutes', 'integer', (c) => c.notNull())
    .addColumn('start_at', ts, (c) => c.notNull())
    .addColumn('state', 'varchar(10)', (c) => c.notNull())
    .addColumn('due_at', ts)
    .addColumn('warn_at', ts)
    .addColumn('stopped_at', ts)
    .addColumn('warned_at', ts) // the instant the clock crossed the warning share
    .addColumn('breached_at', ts) // the instant it passed the target
    // When the warning / the breach escalation was sent (by the SLA sweep, once).
    .addColumn('warn_notified_at', ts)
    .addColumn('breach_notified_at', ts)
    .addColumn('calendar_versions', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_order_sla_pk', ['work_order_id', 'kind', 'cycle'])
    .execute();

  // 服务报告 / 客户投诉处理情况表: one per order, rewritten until the order is resolved.
  await db.schema
    .createTable('work_order_reports')
    .addColumn('work_order_id', 'varchar(36)', (c) => c.primaryKey().references('work_orders.id'))
    .addColumn('report_json', 'text', (c) => c.notNull())
    .addColumn('liability', 'varchar(20)', (c) => c.notNull())
    .addColumn('is_warranty_repair', 'integer', (c) => c.notNull())
    .addColumn('charged_fen', 'bigint', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // Parts used, one row each: consumption statistics and old-part returns (旧件返厂) read these.
  await db.schema
    .createTable('work_order_parts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('work_order_id', 'varchar(36)', (c) => c.notNull().references('work_orders.id'))
    .addColumn('part_id', 'varchar(36)', (c) => c.notNull().references('spare_parts.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('price_fen', 'bigint', (c) => c.notNull())
    .addColumn('is_free', 'integer', (c) => c.notNull())
    .addColumn('old_part_returned', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_order_parts_order_idx').on('work_order_parts').columns(['work_order_id']).execute();
  await db.schema.createIndex('work_order_parts_part_idx').on('work_order_parts').columns(['part_id']).execute();

  // Technicians' dispatch profile: skills (model/category codes), base, coverage area, and the
  // last position their phone reported (start of travel, check-in on site).
  await db.schema
    .createTable('technician_profiles')
    .addColumn('user_id', 'varchar(36)', (c) => c.primaryKey().references('users.id'))
    .addColumn('skills_json', 'text', (c) => c.notNull())
    .addColumn('coverage_json', 'text', (c) => c.notNull())
    .addColumn('base_lat', 'real')
    .addColumn('base_lng', 'real')
    .addColumn('last_lat', 'real')
    .addColumn('last_lng', 'real')
    .addColumn('last_seen_at', ts)
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  // 赔偿标准: published compensation by liability (fixed, or a share of the repair's value).
  await db.schema
    .createTable('compensation_standards')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('liability', 'varchar(20)')
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint')
    .addColumn('percent', 'real')
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  // The published promises (see the domain brief): respond in 30 min, on site in 24 h, fixed in
  // 24 h; urgent orders and class-A service get tighter ones. Editable by HQ afterwards.
  const now = new Date().toISOString();
  const policy = (name: string, type: string | null, priority: string | null, level: string | null, response: number, arrival: number | null, resolution: number, allHours: boolean) => ({
    id: randomUUID(), name, type, priority, service_level: level, response_minutes: response, arrival_minutes: arrival,
    resolution_minutes: resolution, all_hours: allHours ? 1 : 0, warn_share: 0.8, is_active: 1, version: 1, created_at: now, updated_at: now,
  });
  await db
    .insertInto('sla_policies' as never)
    .values([
      policy('标准服务承诺', null, null, null, 30, 24 * 60, 24 * 60, false),
      policy('A 级服务承诺', null, null, 'A', 30, 12 * 60, 24 * 60, false),
      policy('紧急报修', null, 'urgent', null, 30, 4 * 60, 8 * 60, true),
      policy('咨询', 'consultation', null, null, 30, null, 8 * 60, false),
      policy('投诉处理', 'complaint', null, null, 30, null, 3 * 24 * 60, false),
    ] as never)
    .execute();
  const standard = (code: string, name: string, liability: string | null, kind: string, amountFen: number | null, percent: number | null) => ({
    id: randomUUID(), code, name, liability, kind, amount_fen: amountFen, percent, is_active: 1, version: 1, created_at: now, updated_at: now,
  });
  await db
    .insertInto('compensation_standards' as never)
    .values([
      standard('QD-DOWNTIME', '质量问题停机补偿(每次 200 元)', 'quality_defect', 'fixed', 20_000, null),
      standard('QD-REPEAT', '同一故障返修补偿(维修价值 10%)', null, 'percent_of_repair', null, 10),
    ] as never)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['compensation_standards', 'technician_profiles', 'work_order_parts', 'work_order_reports', 'work_order_sla', 'work_order_events', 'work_orders', 'complaint_rules', 'counters', 'sla_policies']) {
    await db.schema.dropTable(table).execute();
  }
}
