import type { ImportKind, Permission } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import type { Sheet, SheetRow } from './imports.xlsx.js';

/** A row problem in both languages; the preview answers in the caller's. */
export type StoredRowError = { row: number; column: string; zh: string; en: string };

/** A validated row, kept in the job between preview and commit. */
export type ImportRow = { row: number; existingId: string | null };

export type CheckedRow<R extends ImportRow> = { row: R | null; errors: StoredRowError[] };

/**
 * One kind of spreadsheet import. The shared machinery (imports.service.ts) reads the file,
 * finds values repeated within it, keeps the preview as a job and commits it in batches; a kind
 * says which columns it needs, how a row is checked and how checked rows are written.
 */
export type ImportSpec<R extends ImportRow> = {
  kind: ImportKind;
  permission: Permission;
  // The downloadable template: sheet name, headers in order, the required ones.
  template: { sheetName: string; headers: readonly string[]; required: readonly string[] };
  missingColumns(headers: ReadonlySet<string>): string[];
  // Values that name one record and so must not repeat within a file (a serial, a phone).
  uniqueKey: { column: string; zh: string; en: string; of(r: SheetRow): string[] };
  // Looks up what the database knows about the file's values, in bulk, once; returns the row check.
  prepare(db: Db, ctx: ServiceContext, sheet: Sheet): Promise<(r: SheetRow) => CheckedRow<R>>;
  // Writes rows inside the caller's transaction: an existing record is updated, else one is created.
  write(db: Db, ctx: ServiceContext, rows: readonly R[]): Promise<{ created: number; updated: number }>;
};

export const distinct = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
export const group = <T>(pairs: [string, T][]) => pairs.reduce((m, [k, v]) => m.set(k, [...(m.get(k) ?? []), v]), new Map<string, T[]>());

/** The distinct text values of one column. */
export const columnTexts = (sheet: Sheet, header: string) =>
  distinct(sheet.rows.map((r) => { const c = r.cells.get(header); return typeof c === 'string' ? c : null; }));
