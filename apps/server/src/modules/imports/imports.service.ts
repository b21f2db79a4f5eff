import { can, type CommitImportInput, type ImportJob, type ImportKind, type ImportPreview, type Locale } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import type { ImportJobsTable } from '../../db/schema.js';
import { newId } from '../../db/ids.js';
import { httpErrors } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { customerImport } from './customer-import.js';
import { equipmentImport } from './equipment-import.js';
import { group, type ImportRow, type ImportSpec, type StoredRowError } from './import-spec.js';
import { importErrors } from './imports.errors.js';
import * as repo from './imports.repository.js';
import { readFirstSheet, templateWorkbook, type Sheet } from './imports.xlsx.js';

// 100,000 unit rows take about 5 MB as .xlsx.
const PROGRESS_EVERY = 5000; // rows checked between two progress writes

export const IMPORT_LIMITS = { maxFileBytes: 20 * 1024 * 1024, maxRows: 100_000, shownErrors: 500, batchSize: 500, ttlHours: 24 };
export type ImportLimits = typeof IMPORT_LIMITS;

export const importSpecs: { [K in ImportKind]: ImportSpec<ImportRow> } = { customers: customerImport, equipment: equipmentImport };

type Summary = { errors: StoredRowError[]; duplicates: ImportPreview['duplicates']; updateRows: number[]; willCreate: number; willUpdate: number };

// better-sqlite3 answers synchronously, so a long import never gives the event loop back on its
// own: let other requests (the client polling this job's progress) run between steps.
const yieldToOtherRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

type Progress = (checked: number) => Promise<void>;

/** Rows of the sheet checked by the kind, plus the file's own rule: a unique key appears once. */
async function checkRows<R extends ImportRow>(db: Db, ctx: ServiceContext, spec: ImportSpec<R>, sheet: Sheet, progress: Progress) {
  const check = await spec.prepare(db, ctx, sheet);
  const key = spec.uniqueKey;
  const byKey = group(sheet.rows.flatMap((r) => key.of(r).map((k): [string, number] => [k, r.row])));
  const duplicates = [...byKey].filter(([, rows]) => rows.length > 1).map(([value, rows]) => ({ column: key.column, value, rows }));
  const repeated = new Set(duplicates.map((d) => d.value));
  const valid: R[] = [];
  const errors: StoredRowError[] = [];
  for (const [i, r] of sheet.rows.entries()) {
    if (i > 0 && i % PROGRESS_EVERY === 0) await progress(i);
    const again = key.of(r).filter((k) => repeated.has(k));
    for (const k of again) errors.push({ row: r.row, column: key.column, zh: `${key.zh} ${k} 在文件中重复`, en: `${key.en} ${k} appears more than once in the file` });
    const checked = check(r);
    errors.push(...checked.errors);
    if (checked.row && again.length === 0) valid.push(checked.row);
  }
  return { valid, errors, duplicates };
}

/**
 * Parses and checks an uploaded file and keeps the result as a job; nothing else is written. A
 * refused file (not an .xlsx, columns missing, empty, too many rows) leaves no job. Once the file is
 * read the job exists in status `checking` under `token` (chosen by the client, or new), and its
 * `processed` counts the checked rows, so the client can show progress while this request runs.
 */
export async function previewImport(
  db: Db, ctx: ServiceContext, kind: ImportKind, file: { name: string; data: Buffer; token?: string | undefined }, locale: Locale, limits = IMPORT_LIMITS,
): Promise<ImportPreview> {
  const spec = importSpecs[kind];
  if (file.token && (await repo.jobExists(db, file.token))) throw importErrors.IMPORT_TOKEN_TAKEN();
  const sheet = await readFirstSheet(file.data, limits.maxRows);
  const missing = spec.missingColumns(sheet.headers);
  if (missing.length > 0) throw importErrors.IMPORT_MISSING_COLUMNS({ columns: missing.join('、') }, { columns: missing });
  if (sheet.rows.length === 0) throw importErrors.IMPORT_EMPTY();
  const now = ctx.now.toISOString();
  const job: ImportJobsTable = {
    id: file.token ?? newId(), kind, status: 'checking', file_name: file.name.slice(0, 255), total_rows: sheet.rows.length, valid_rows: 0,
    error_count: 0, processed: 0, created_count: 0, updated_count: 0, rows_json: '[]', summary_json: '{}', created_by: ctx.actor.userId,
    expires_at: new Date(ctx.now.getTime() + limits.ttlHours * 3_600_000).toISOString(), created_at: now, updated_at: now,
  };
  await repo.insertJob(db, job);
  try {
    const progress = async (processed: number) => {
      await repo.updateJob(db, job.id, { processed });
      await yieldToOtherRequests();
    };
    const { valid, errors, duplicates } = await checkRows(db, ctx, spec, sheet, progress);
    const updates = valid.filter((v) => v.existingId !== null);
    const summary: Summary = {
      errors: errors.slice(0, limits.shownErrors), duplicates, updateRows: updates.slice(0, limits.shownErrors).map((u) => u.row),
      willCreate: valid.length - updates.length, willUpdate: updates.length,
    };
    const done = {
      status: 'previewed' as const, valid_rows: valid.length, error_count: sheet.rows.length - valid.length, processed: 0,
      rows_json: JSON.stringify(valid), summary_json: JSON.stringify(summary),
    };
    await repo.updateJob(db, job.id, done);
    return toPreview({ ...job, ...done }, summary, locale);
  } catch (err) {
    await repo.updateJob(db, job.id, { status: 'failed' });
    throw err;
  }
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

/** The blank .xlsx a user fills in: the kind's headers, required ones marked. */
export function importTemplate(kind: ImportKind): Promise<Buffer> {
  return templateWorkbook(importSpecs[kind].template);
}

/** Commits a previewed job: all-or-nothing in one transaction, or the valid rows batch by batch. */
export async function commitImport(db: Db, ctx: ServiceContext, token: string, input: CommitImportInput, limits = IMPORT_LIMITS): Promise<ImportJob> {
  const job = await loadJob(db, ctx, token);
  const spec = importSpecs[job.kind];
  if (!can(ctx.actor.roles, spec.permission)) throw httpErrors.FORBIDDEN();
  if (job.status !== 'previewed') throw importErrors.IMPORT_NOT_PENDING();
  if (job.expires_at < ctx.now.toISOString()) throw importErrors.IMPORT_EXPIRED();
  if (input.mode === 'all-or-nothing' && job.error_count > 0) throw importErrors.IMPORT_HAS_ERRORS({ count: job.error_count });
  if (!(await repo.claimJob(db, token, ctx.now.toISOString()))) throw importErrors.IMPORT_NOT_PENDING();
  const rows = JSON.parse(job.rows_json) as ImportRow[];
  const batchSize = input.mode === 'all-or-nothing' ? Math.max(rows.length, 1) : limits.batchSize;
  const totals = { created: 0, updated: 0 };
  try {
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize);
      await db.transaction().execute(async (trx) => {
        const n = await spec.write(trx, ctx, batch);
        totals.created += n.created;
        totals.updated += n.updated;
        await repo.updateJob(trx, token, { processed: i + batch.length, created_count: totals.created, updated_count: totals.updated });
      });
      await yieldToOtherRequests();
    }
  } catch (err) {
    await repo.updateJob(db, token, { status: 'failed', updated_at: ctx.now.toISOString() });
    throw err;
  }
  await db.transaction().execute(async (trx) => {
    await repo.updateJob(trx, token, { status: 'committed', rows_json: '[]', updated_at: ctx.now.toISOString() });
    await recordAudit(trx, ctx, {
      entityType: 'import_job', entityId: token, orgPath: ctx.actor.orgPath, action: 'create', after: { kind: job.kind, fileName: job.file_name, mode: input.mode, ...totals },
    });
  });
  return getImportJob(db, ctx, token);
}
