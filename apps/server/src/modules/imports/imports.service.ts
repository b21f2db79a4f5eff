import {
  equipmentImportColumns as COL, equipmentImportRequired, normalizePhone,
  type CommitImportInput, type ImportJob, type ImportPreview, type Locale,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import type { ImportJobsTable } from '../../db/schema.js';
import { newId } from '../../db/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { serialOf, validateUnitRow, type StoredRowError, type UnitImportRow, type UnitLookups } from './equipment-rows.js';
import { importErrors } from './imports.errors.js';
import * as repo from './imports.repository.js';
import { readFirstSheet, type Sheet } from './imports.xlsx.js';

// 100,000 unit rows take about 5 MB as .xlsx.
export const IMPORT_LIMITS = { maxFileBytes: 20 * 1024 * 1024, maxRows: 100_000, shownErrors: 500, batchSize: 500, ttlHours: 24 };
export type ImportLimits = typeof IMPORT_LIMITS;

type Summary = { errors: StoredRowError[]; duplicates: { serialNo: string; rows: number[] }[]; updateRows: number[]; willCreate: number; willUpdate: number };

const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null && v !== ''))];
const group = <T>(pairs: [string, T][]) => pairs.reduce((m, [k, v]) => m.set(k, [...(m.get(k) ?? []), v]), new Map<string, T[]>());

function checkColumns(sheet: Sheet): void {
  const missing: string[] = equipmentImportRequired.map((f) => COL[f]).filter((h) => !sheet.headers.has(h));
  if (!sheet.headers.has(COL.customerName) && !sheet.headers.has(COL.customerPhone)) missing.push(`${COL.customerName}/${COL.customerPhone}`);
  if (missing.length > 0) throw importErrors.IMPORT_MISSING_COLUMNS({ columns: missing.join('、') }, { columns: missing });
  if (sheet.rows.length === 0) throw importErrors.IMPORT_EMPTY();
}

async function lookUp(db: Db, ctx: ServiceContext, sheet: Sheet): Promise<UnitLookups> {
  const cellTexts = (header: string) => distinct(sheet.rows.map((r) => { const c = r.cells.get(header); return typeof c === 'string' ? c : null; }));
  const scope = ctx.actor.scope;
  const units = await repo.findUnitsBySerial(db, distinct(sheet.rows.map(serialOf)));
  return {
    models: new Map((await repo.findModelsByCode(db, cellTexts(COL.modelCode))).map((m) => [m.code, m.id])),
    customersByName: group((await repo.findCustomersByName(db, scope, cellTexts(COL.customerName))).map((c) => [c.name, c.id])),
    customersByPhone: group((await repo.findCustomersByPhone(db, scope, distinct(cellTexts(COL.customerPhone).map(normalizePhone)))).map((c) => [c.digits, c.id])),
    outlets: new Map((await repo.findOrgsByCode(db, scope, cellTexts(COL.outletCode))).map((o) => [o.code, o.id])),
    units: new Map(units.map((u) => [u.serial_no, { id: u.id, customerId: u.customer_id, inScope: scope.all || u.org_path.startsWith(scope.orgPath) }])),
  };
}

/** Parses and checks an uploaded unit file and keeps the result as a job; nothing else is written. */
export async function previewEquipmentImport(db: Db, ctx: ServiceContext, file: { name: string; data: Buffer }, locale: Locale, limits = IMPORT_LIMITS): Promise<ImportPreview> {
  const sheet = await readFirstSheet(file.data, limits.maxRows);
  checkColumns(sheet);
  const look = await lookUp(db, ctx, sheet);
  const bySerial = group(sheet.rows.flatMap((r): [string, number][] => { const s = serialOf(r); return s ? [[s, r.row]] : []; }));
  const duplicates = [...bySerial].filter(([, rows]) => rows.length > 1).map(([serialNo, rows]) => ({ serialNo, rows }));
  const duplicated = new Set(duplicates.map((d) => d.serialNo));
  const valid: UnitImportRow[] = [];
  const errors: StoredRowError[] = [];
  for (const r of sheet.rows) {
    const checked = validateUnitRow(r, look, duplicated.has(serialOf(r) ?? ''));
    errors.push(...checked.errors);
    if (checked.row) valid.push(checked.row);
  }
  const updates = valid.filter((v) => v.existingId !== null);
  const summary: Summary = {
    errors: errors.slice(0, limits.shownErrors), duplicates, updateRows: updates.slice(0, limits.shownErrors).map((u) => u.row),
    willCreate: valid.length - updates.length, willUpdate: updates.length,
  };
  const now = ctx.now.toISOString();
  const job: ImportJobsTable = {
    id: newId(), kind: 'equipment', status: 'previewed', file_name: file.name.slice(0, 255), total_rows: sheet.rows.length, valid_rows: valid.length,
    error_count: sheet.rows.length - valid.length, processed: 0, created_count: 0, updated_count: 0, rows_json: JSON.stringify(valid),
    summary_json: JSON.stringify(summary), created_by: ctx.actor.userId,
    expires_at: new Date(ctx.now.getTime() + limits.ttlHours * 3_600_000).toISOString(), created_at: now, updated_at: now,
  };
  await repo.insertJob(db, job);
  return toPreview(job, summary, locale);
}

function toPreview(job: ImportJobsTable, s: Summary, locale: Locale): ImportPreview {
  return {
    token: job.id, rows: job.total_rows, valid: job.valid_rows, errorCount: job.error_count,
    errors: s.errors.map((e) => ({ row: e.row, column: e.column, reason: locale === 'en' ? e.en : e.zh })),
    duplicates: s.duplicates, willCreate: s.willCreate, willUpdate: s.willUpdate, updateRows: s.updateRows, expiresAt: job.expires_at,
  };
}

function toJob(j: ImportJobsTable): ImportJob {
  return {
    token: j.id, kind: j.kind, status: j.status, fileName: j.file_name, total: j.total_rows, valid: j.valid_rows, errorCount: j.error_count,
    processed: j.processed, created: j.created_count, updated: j.updated_count, expiresAt: j.expires_at, createdAt: j.created_at,
  };
}

async function loadJob(db: Db, ctx: ServiceContext, token: string): Promise<ImportJobsTable> {
  const job = await repo.findJob(db, token, ctx.actor.userId);
  if (!job) throw importErrors.IMPORT_NOT_FOUND();
  return job;
}

export async function getImportJob(db: Db, ctx: ServiceContext, token: string): Promise<ImportJob> {
  return toJob(await loadJob(db, ctx, token));
}

/** Writes rows in one transaction; a serial already registered is updated in place. */
async function writeBatch(db: Db, ctx: ServiceContext, rows: readonly UnitImportRow[]): Promise<{ created: number; updated: number }> {
  const now = ctx.now.toISOString();
  const existing = new Set((await repo.findUnitsBySerial(db, rows.map((r) => r.serialNo))).map((u) => u.serial_no));
  const fields = (r: UnitImportRow) => ({
    model_id: r.modelId, outlet_org_id: r.outletOrgId, site_address: null, site_province_code: null, site_city_code: null, site_county_code: null,
    sale_date: r.saleDate, delivery_date: r.deliveryDate, installation_date: r.installationDate, acceptance_date: r.acceptanceDate,
    warranty_start_event: r.warrantyStartEvent, status: r.status, notes: r.notes, updated_at: now,
  });
  const fresh = rows.filter((r) => !existing.has(r.serialNo));
  for (const r of rows) if (existing.has(r.serialNo)) await repo.updateUnitBySerial(db, r.serialNo, fields(r));
  await repo.insertUnits(db, fresh.map((r) => ({ id: newId(), serial_no: r.serialNo, customer_id: r.customerId, version: 1, created_at: now, ...fields(r) })));
  return { created: fresh.length, updated: rows.length - fresh.length };
}

/** Commits a previewed job: all-or-nothing in one transaction, or the valid rows batch by batch. */
export async function commitImport(db: Db, ctx: ServiceContext, token: string, input: CommitImportInput, limits = IMPORT_LIMITS): Promise<ImportJob> {
  const job = await loadJob(db, ctx, token);
  if (job.status !== 'previewed') throw importErrors.IMPORT_NOT_PENDING();
  if (job.expires_at < ctx.now.toISOString()) throw importErrors.IMPORT_EXPIRED();
  if (input.mode === 'all-or-nothing' && job.error_count > 0) throw importErrors.IMPORT_HAS_ERRORS({ count: job.error_count });
  if (!(await repo.claimJob(db, token, ctx.now.toISOString()))) throw importErrors.IMPORT_NOT_PENDING();
  const rows = JSON.parse(job.rows_json) as UnitImportRow[];
  const batchSize = input.mode === 'all-or-nothing' ? Math.max(rows.length, 1) : limits.batchSize;
  const totals = { created: 0, updated: 0 };
  try {
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize);
      await db.transaction().execute(async (trx) => {
        const n = await writeBatch(trx, ctx, batch);
        totals.created += n.created;
        totals.updated += n.updated;
        await repo.updateJob(trx, token, { processed: i + batch.length, created_count: totals.created, updated_count: totals.updated });
      });
    }
  } catch (err) {
    await repo.updateJob(db, token, { status: 'failed', updated_at: ctx.now.toISOString() });
    throw err;
  }
  await db.transaction().execute(async (trx) => {
    await repo.updateJob(trx, token, { status: 'committed', rows_json: '[]', updated_at: ctx.now.toISOString() });
    await recordAudit(trx, ctx, { entityType: 'import_job', entityId: token, orgPath: ctx.actor.orgPath, action: 'create', after: { fileName: job.file_name, mode: input.mode, ...totals } });
  });
  return getImportJob(db, ctx, token);
}
