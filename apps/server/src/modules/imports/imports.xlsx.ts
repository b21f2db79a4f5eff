import ExcelJS from 'exceljs';
import { importErrors } from './imports.errors.js';
import { readFirstWorksheet, XlsxFormatError, type RawCell } from './xlsx-read.js';

export type SheetCell = string | Date | null;
export type SheetRow = { row: number; cells: Map<string, SheetCell> };
export type Sheet = { headers: Set<string>; rows: SheetRow[] };

/** A cell as text; a date cell reads as YYYY-MM-DD. */
export const cellText = (cell: SheetCell | undefined): string | null =>
  cell === null || cell === undefined ? null : cell instanceof Date ? cell.toISOString().slice(0, 10) : cell;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]); // an .xlsx is a zip archive

/** A cell as trimmed text or a date; empty text is no value. */
function cellOf(value: RawCell | undefined): SheetCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const t = String(value).trim();
  return t === '' ? null : t;
}

/**
 * The first worksheet of an .xlsx: its first row with values is the header, later rows with
 * values the data. The file size cap bounds what the reader holds in memory.
 */
export async function readFirstSheet(file: Buffer, maxRows: number): Promise<Sheet> {
  if (file.length < 4 || !file.subarray(0, 4).equals(ZIP_MAGIC)) throw importErrors.IMPORT_NOT_XLSX();
  let read: ReturnType<typeof readFirstWorksheet>;
  try {
    read = readFirstWorksheet(file, maxRows);
  } catch (err) {
    if (err instanceof XlsxFormatError) throw importErrors.IMPORT_NOT_XLSX();
    throw err;
  }
  if (read.tooMany) throw importErrors.IMPORT_TOO_MANY_ROWS({ max: maxRows });
  const [header, ...data] = read.rows;
  if (!header) throw importErrors.IMPORT_EMPTY();
  const columns = Array.from(header.values, (v) => String(cellOf(v) ?? ''));
  const rows: SheetRow[] = [];
  for (const r of data) {
    const cells = new Map<string, SheetCell>();
    r.values.forEach((v, i) => {
      const name = columns[i];
      const cell = cellOf(v);
      if (name && cell !== null) cells.set(name, cell);
    });
    if (cells.size > 0) rows.push({ row: r.row, cells });
  }
  return { headers: new Set(columns.filter((c) => c !== '')), rows };
}

/** A blank import template: the header row (required columns in red, with a note), frozen. */
export async function templateWorkbook(t: { sheetName: string; headers: readonly string[]; required: readonly string[] }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow([...t.headers]);
  t.headers.forEach((name, i) => {
    const cell = header.getCell(i + 1);
    const isRequired = t.required.includes(name);
    cell.font = { bold: true, ...(isRequired ? { color: { argb: 'FFC00000' } } : {}) };
    if (isRequired) cell.note = '必填 Required';
    sheet.getColumn(i + 1).width = Math.max(12, name.length * 3);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
