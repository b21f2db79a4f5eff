import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';

// Builders of uploaded files for the import tests.
export type Cell = string | Date | null;

/** An .xlsx built the way people fill one in: dates as date cells or typed text. */
export async function xlsx(headers: readonly string[], rows: Cell[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headers]);
  for (const r of rows) sheet.addRow(r);
  headers.forEach((h, i) => { if (h.endsWith('日期')) sheet.getColumn(i + 1).numFmt = 'yyyy-mm-dd'; });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A large file written with the streaming writer, as the export does. */
export async function streamedXlsx(headers: readonly string[], n: number, row: (i: number) => Cell[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow([...headers]).commit();
  for (let i = 0; i < n; i += 1) sheet.addRow(row(i)).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** A multipart/form-data body with one file field. */
export function upload(file: Buffer, name = 'import.xlsx') {
  const boundary = '----shtImportTest';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

/** What a preview answers, as the tests read it. */
export type Preview = {
  token: string; rows: number; valid: number; errorCount: number; errors: { row: number; column: string; reason: string }[];
  duplicates: { column: string; value: string; rows: number[] }[]; willCreate: number; willUpdate: number; updateRows: number[];
};

/** Row counts of some tables, to show that a refused request wrote nothing. */
export async function countRows<T extends keyof Database>(db: Db, tables: readonly T[]): Promise<Record<T, number>> {
  const out = {} as Record<T, number>;
  for (const table of tables) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    out[table] = Number(rows[0]?.n);
  }
  return out;
}
